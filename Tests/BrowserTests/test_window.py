"""The window in a real browser: headless Chromium, driven by Selenium, over the real binary.

`make test` runs this after `swift test`. It opens the page, runs domain commands through the
built `workshop` as a learner would, and watches the page follow: a stream appears live, an
event expands, its causation opens, the state slider moves the board, and a restarted server
is caught up from the last position the page saw. A second test goes on to the projections:
the learner's read models change on the page as orders are typed, and the state view goes back
to a chosen time, in the browser's own zone. Screenshots go to a temporary folder whose paths
are printed. Without Chromium it fails; it never skips.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = os.environ.get("WORKSHOP_BINARY", str(ROOT / ".build" / "debug" / "workshop"))
SCREENSHOTS = Path(tempfile.mkdtemp(prefix="workshop-window-screens-"))


def find(program):
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} is not installed: `make test-deps` installs chromium and chromium-driver", pytrace=False)
    return path


class Learner:
    """A workspace in a temporary folder, and the commands a learner types, run by the real binary."""

    def __init__(self, folder):
        self.folder = folder
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(folder / "home"), "LANG": "C.UTF-8"}
        (folder / "home").mkdir()

    def run(self, *words):
        result = subprocess.run(
            [WORKSHOP, "--workspace", str(self.folder / "ws"), *words],
            env=self.env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"workshop {' '.join(words)} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def open_window(self, port=0):
        process = subprocess.Popen(
            [WORKSHOP, "--workspace", str(self.folder / "ws"), "ui", "--port", str(port)],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = process.stdout.readline()
        assert "http://127.0.0.1:" in line, f"ui printed {line!r} {process.stderr.read() if process.poll() is not None else ''}"
        address = line.split("window on your store: ")[1].split(" ")[0]
        return process, address


@pytest.fixture
def learner():
    folder = Path(tempfile.mkdtemp(prefix="workshop-window-"))
    yield Learner(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = find("chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=find("chromedriver")), options=options)
    yield driver
    driver.quit()


def shot(browser, name):
    path = SCREENSHOTS / f"{name}.png"
    browser.save_screenshot(str(path))
    print(f"screenshot: {path}")


def wait(browser, condition, seconds=10):
    return WebDriverWait(browser, seconds, poll_frequency=0.05).until(lambda driver: condition(driver))


def discs(browser, kind):
    return len(browser.find_elements(By.CSS_SELECTOR, f"svg.grid circle.{kind}"))


def slide(browser, value):
    browser.execute_script(
        "const s = document.getElementById('state-slider'); s.value = arguments[0];"
        "s.dispatchEvent(new Event('input'));", value)


def test_the_window_follows_the_shell(learner, browser):
    learner.run("catch-up", "5")
    window, address = learner.open_window()
    try:
        browser.get(address + "streams")
        wait(browser, lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "live")
        assert "No streams yet" in browser.find_element(By.ID, "main").text
        assert "progress-learner" in browser.find_element(By.ID, "tool-streams").text, "the tool's own stream, apart"

        # A domain command typed by the learner: the stream appears without a reload, marked new.
        learner.run("start-game", "42", "alice", "bob")
        row = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#streams tr.new[data-stream='game-42']"))
        assert "game-42" in row[0].text and "new" in row[0].text
        assert "progress-learner" not in browser.find_element(By.ID, "streams").text
        shot(browser, "1-streams")

        # The stream: expand the event, see its whole envelope.
        browser.find_element(By.LINK_TEXT, "game-42").click()
        event = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "details#rev-0"))[0]
        event.find_element(By.TAG_NAME, "summary").click()
        envelope = event.find_element(By.CLASS_NAME, "envelope").text
        for field in ["event id", "global position", "created at", "causation id", "correlation id", '"playerOne": "alice"']:
            assert field in envelope, field
        wait(browser, lambda d: discs(d, "empty") == 42)

        # Moves from the shell arrive live, marked new; the slider follows the last revision.
        learner.run("move", "42", "alice", "C")
        learner.run("move", "42", "bob", "D")
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "details.event.new")) == 2)
        wait(browser, lambda d: discs(d, "m1") == 1 and discs(d, "m2") == 1)
        shot(browser, "2-stream-with-board")

        # The slider asks the learner's evolve for an earlier state: the board changes.
        slide(browser, 1)
        wait(browser, lambda d: discs(d, "m1") == 1 and discs(d, "m2") == 0)
        assert "rev=1" in browser.current_url, "the address names the revision shown"
        slide(browser, 0)
        wait(browser, lambda d: discs(d, "m1") == 0 and discs(d, "empty") == 42)

        # The address pasted into a new tab opens that revision, expanded, with the board at it.
        pasted = address + "streams/game-42?rev=1"
        browser.get(pasted)
        target = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "details#rev-1.target[open]"))
        assert target
        wait(browser, lambda d: d.find_element(By.ID, "state-slider").get_attribute("value") == "1" and discs(d, "m1") == 1)

        # Causation: from the event to its conversation, the command that was typed.
        target[0].find_element(By.CSS_SELECTOR, "a.correlation").click()
        timeline = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline li"))
        assert "you typed move" in timeline[0].text and "MoveMade" in timeline[0].text
        shot(browser, "3-causation")

        # Expand all, on the all-stream in follow mode.
        browser.get(address + "all?follow=1")
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "details.event")) == 3)
        browser.find_element(By.ID, "expand-all").click()
        assert all(e.get_attribute("open") for e in browser.find_elements(By.CSS_SELECTOR, "details.event"))
        shot(browser, "4-all-stream")

        # The server goes away: the page says so; an event stored meanwhile arrives once it is back.
        port = address.rsplit(":", 1)[1].strip("/")
        window.terminate()
        window.wait(timeout=10)
        wait(browser, lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "lost")
        assert "lost" in browser.find_element(By.ID, "connection").text
        learner.run("move", "42", "alice", "C")
        window, _ = learner.open_window(port=int(port))
        wait(browser, lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "live", seconds=15)
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "details.event.new")) == 1)
        time.sleep(0.5)  # let any duplicate arrive, so the next line could see it
        positions = [e.get_attribute("data-position") for e in browser.find_elements(By.CSS_SELECTOR, "details.event")]
        assert len(positions) == 4 and len(set(positions)) == 4, f"nothing missed, nothing twice: {positions}"

        browser.get(address + "progress")
        wait(browser, lambda d: "LessonSkipped" in d.find_element(By.ID, "events").text)
        assert "skipped" in browser.find_element(By.ID, "lessons").text
        shot(browser, "5-progress")
    finally:
        window.terminate()
        window.wait(timeout=10)


# A zone far from UTC, with a quarter-hour offset, so a time shown in UTC by mistake shows.
ZONE = "Pacific/Chatham"


def api(address, path):
    with urllib.request.urlopen(address + "api/" + path, timeout=30) as response:
        return json.load(response)


def panel(browser, name):
    return browser.find_element(By.CSS_SELECTOR, f"section.read-model[data-name='{name}']")


def choose_time(browser, local_value):
    browser.execute_script(
        "const t = document.getElementById('state-time'); t.value = arguments[0];"
        "t.dispatchEvent(new Event('change'));", local_value)


def test_read_models_follow_the_shell_and_the_state_goes_back_in_time(learner, browser):
    browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ZONE})
    learner.run("catch-up", "5")
    window, address = learner.open_window()
    try:
        # Before the projections lesson the page says why there is nothing to show.
        browser.get(address + "read-models")
        text = wait(browser, lambda d: d.find_elements(By.ID, "no-read-models"))[0].text
        assert text.startswith("You are on lesson 5, "), text
        assert "it and the lessons before it have no read models" in text
        assert "Read models begin with lesson 9, Projections and read models" in text
        shot(browser, "6-no-read-models-yet")

        # At the lesson after projections, the learner's own queue and loyalty run over the store.
        learner.run("catch-up", "10")
        browser.get(address + "read-models")
        wait(browser, lambda d: d.find_element(By.ID, "connection").get_attribute("data-state") == "live")
        # The first run compiles the learner's code for the lesson (the kit too, in a fresh home).
        wait(browser, lambda d: "empty" in panel(d, "queue").text and "0 events delivered" in panel(d, "queue").text, seconds=180)
        # Each read model's panel is drawn when its own first answer arrives: wait for the second too.
        wait(browser, lambda d: "nothing here yet" in panel(d, "loyalty").text or "empty" in panel(d, "loyalty").text)

        # Orders typed in the shell change the read models on the page, without a reload.
        learner.run("place-order", "o1", "alice", "latte,muffin")
        wait(browser, lambda d: "1 event delivered" in panel(d, "queue").text)
        assert "o1" not in panel(browser, "queue").find_element(By.CLASS_NAME, "value").text, "placed, not paid: not queued"
        learner.run("pay-order", "o1", "720")
        wait(browser, lambda d: [li.text for li in panel(d, "queue").find_elements(By.TAG_NAME, "li")] == ["o1"])
        queue = panel(browser, "queue")
        assert "new" in queue.get_attribute("class").split() and "changed" in queue.text
        assert re.search(r"checkpoint: position \d+ · caught up", queue.text), queue.text
        learner.run("prepare-order", "o1", "bea")
        learner.run("serve-order", "o1")
        wait(browser, lambda d: "empty" in panel(d, "queue").text and "4 events delivered" in panel(d, "queue").text)
        loyalty = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "section.read-model[data-name='loyalty'] tr"))
        assert [row.text for row in loyalty] == ["alice 1"]
        shot(browser, "7-read-models")
        assert api(address, "read-models/loyalty?customer=alice")["value"] == 1

        # A game of two moves, a second and a half apart: the state as of a time between them.
        learner.run("start-game", "7", "alice", "bob")
        learner.run("move", "7", "alice", "C")
        time.sleep(1.5)
        learner.run("move", "7", "bob", "D")
        events = api(address, "streams/game-7")["events"]
        first_move = datetime.fromisoformat(events[1]["createdAt"].replace("Z", "+00:00"))
        second_move = datetime.fromisoformat(events[2]["createdAt"].replace("Z", "+00:00"))
        chosen = first_move.replace(microsecond=0) + timedelta(seconds=1)
        assert first_move < chosen < second_move
        local = chosen.astimezone(ZoneInfo(ZONE))

        browser.get(address + "streams/game-7")
        wait(browser, lambda d: discs(d, "m1") == 1 and discs(d, "m2") == 1)
        choose_time(browser, local.strftime("%Y-%m-%dT%H:%M:%S"))
        wait(browser, lambda d: discs(d, "m1") == 1 and discs(d, "m2") == 0)
        at = chosen.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert browser.current_url == address + "streams/game-7?at=" + at.replace(":", "%3A"), browser.current_url
        caption = browser.find_element(By.ID, "state-caption").text
        clock = {local.strftime("%H:%M:%S"), local.strftime("%I:%M:%S").lstrip("0")}
        shown_zone = browser.execute_script("return Intl.DateTimeFormat().resolvedOptions().timeZone")
        assert any(c in caption for c in clock) and shown_zone in caption, f"the chosen time in local time: {caption}"
        assert "after revision 1: MoveMade" in caption, caption
        assert browser.find_element(By.ID, "state-slider").get_attribute("value") == "1", "the slider shows where that time falls"
        shot(browser, "8-state-at-a-time")

        # The address pasted into a new tab opens the state as of that time, with the time filled in.
        browser.get(address + "streams/game-7?at=" + at)
        wait(browser, lambda d: discs(d, "m1") == 1 and discs(d, "m2") == 0)
        # A datetime-local input's value drops ":00" seconds (the HTML normalised form), so compare times.
        shown_time = datetime.fromisoformat(browser.find_element(By.ID, "state-time").get_attribute("value"))
        assert shown_time == local.replace(tzinfo=None, microsecond=0), shown_time

        # Before the game began: the initial state; back on the slider, the address names a revision again.
        choose_time(browser, (local - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"))
        wait(browser, lambda d: "before the first event: the initial state" in d.find_element(By.ID, "state-caption").text)
        slide(browser, 2)
        wait(browser, lambda d: discs(d, "m1") == 1 and discs(d, "m2") == 1)
        assert browser.current_url.endswith("streams/game-7?rev=2") and not browser.find_element(By.ID, "state-time").get_attribute("value")
    finally:
        window.terminate()
        window.wait(timeout=10)
