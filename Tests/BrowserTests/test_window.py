"""The window in a real browser: headless Chromium, driven by Selenium, over the real binary.

`make test` runs this after `swift test`. It opens the page, runs domain commands through the
built `workshop` as a learner would, and watches the page follow: a stream appears live, an
event expands, its causation opens, the state slider moves the board, and a restarted server
is caught up from the last position the page saw. Screenshots go to a temporary folder whose
paths are printed. Without Chromium it fails; it never skips.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

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
    return len(browser.find_elements(By.CSS_SELECTOR, f"svg.board circle.{kind}"))


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
        wait(browser, lambda d: discs(d, "p1") == 1 and discs(d, "p2") == 1)
        shot(browser, "2-stream-with-board")

        # The slider asks the learner's evolve for an earlier state: the board changes.
        slide(browser, 1)
        wait(browser, lambda d: discs(d, "p1") == 1 and discs(d, "p2") == 0)
        assert "rev=1" in browser.current_url, "the address names the revision shown"
        slide(browser, 0)
        wait(browser, lambda d: discs(d, "p1") == 0 and discs(d, "empty") == 42)

        # The address pasted into a new tab opens that revision, expanded, with the board at it.
        pasted = address + "streams/game-42?rev=1"
        browser.get(pasted)
        target = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "details#rev-1.target[open]"))
        assert target
        wait(browser, lambda d: d.find_element(By.ID, "state-slider").get_attribute("value") == "1" and discs(d, "p1") == 1)

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
