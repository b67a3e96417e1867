"""The instructor's view of a room in a real browser: headless Chromium, driven by Selenium, over
the real binary. `make test` runs this after `swift test`. A room is hosted, learners (each a
workspace of its own) start lessons, read hints, join and ask for help from the command line, and
the page shows them live: a row per learner, the help queue sorted first, taking a request.
Without the token the page shows only the refusal. Screenshots go to a temporary folder.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from test_window import WORKSHOP, SCREENSHOTS, browser, shot, wait  # noqa: F401 (the browser fixture)


class Room:
    """`workshop room host` in a temporary folder, and learners beside it."""

    def __init__(self, folder):
        self.folder = folder
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(folder / "home"), "LANG": "C.UTF-8"}
        (folder / "home").mkdir()
        self.process = subprocess.Popen(
            [WORKSHOP, "room", "host", "--folder", str(folder / "room"), "--host", "127.0.0.1", "--port", "0"],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        join = self.process.stdout.readline().split()
        assert join[:2] == ["workshop", "join"] and len(join) == 4, f"the join line: {join}"
        self.url, self.code = join[2], join[3]
        instructor = self.process.stdout.readline()
        assert "#token=" in instructor, instructor
        self.view = instructor.split("instructor view: ")[1].split()[0]

    def learner(self, name, *words):
        result = subprocess.run(
            [WORKSHOP, "--workspace", str(self.folder / name), *words],
            env=self.env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{name}: workshop {' '.join(words)} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def learners(browser):
    """The learners' rows as the page shows them now, read at once (the page redraws as events come)."""
    return browser.execute_script(
        "return [...document.querySelectorAll('#learners tr')].map(tr => ({cls: tr.className,"
        " name: tr.querySelector('.name').textContent, lesson: tr.querySelector('.lesson').textContent,"
        " hints: tr.querySelector('.hints').textContent}))")


def queue(browser):
    return browser.execute_script("return [...document.querySelectorAll('#help li')].map(li => li.textContent)")


def click(browser, selector):
    """Clicks the first element `selector` finds, again if the page redrew it meanwhile."""
    def attempt(driver):
        try:
            driver.find_element(By.CSS_SELECTOR, selector).click()
            return True
        except StaleElementReferenceException:
            return False
    wait(browser, attempt)


@pytest.fixture
def room():
    folder = Path(tempfile.mkdtemp(prefix="workshop-room-"))
    room = Room(folder)
    yield room
    room.stop()
    shutil.rmtree(folder, ignore_errors=True)


def test_the_instructor_sees_the_room(room, browser):
    # Without the token, the page says what it needs and shows no learner.
    browser.get(room.view.split("#")[0])
    refused = wait(browser, lambda d: d.find_element(By.ID, "refused") if d.find_element(By.ID, "refused").is_displayed() else None)
    assert "instructor token" in refused.text

    for name in ["ada", "bert", "cleo"]:
        room.learner(name, "start", "1")
        room.learner(name, "hint")
        room.learner(name, "join", room.url, room.code, "--name", name)
    room.learner("bert", "help-me", "my events are not facts")

    browser.get(room.view)
    wait(browser, lambda d: len(learners(d)) == 3)
    rows = learners(browser)
    assert rows[0]["name"] == "bert", f"who asked for help comes first: {rows}"
    assert "help" in rows[0]["cls"]
    assert rows[1]["lesson"] == "events-are-facts"
    assert rows[1]["hints"] == "1"
    help = queue(browser)
    assert len(help) == 1 and "my events are not facts" in help[0] and "waiting" in help[0], help
    shot(browser, "room-1-learners")

    # A second request arrives live, behind the first; the instructor takes the first.
    room.learner("cleo", "help-me")
    wait(browser, lambda d: len(queue(d)) == 2)
    names = [row["name"] for row in learners(browser)]
    assert names[:2] == ["bert", "cleo"], names
    click(browser, "#help li button.taken")
    wait(browser, lambda d: "taken" in queue(d)[0])
    shot(browser, "room-2-help-queue")

    # Done: the request leaves the queue; `room status --json` agrees with the page.
    click(browser, "#help li button.done")
    wait(browser, lambda d: len(queue(d)) == 1)
    status = subprocess.run(
        [WORKSHOP, "room", "status", "--folder", str(room.folder / "room"), "--json"],
        env=room.env, capture_output=True, text=True, timeout=60)
    view = json.loads(status.stdout)["room"]
    assert [h["name"] for h in view["help"]] == ["cleo"]
    assert sorted(l["name"] for l in view["learners"]) == ["ada", "bert", "cleo"]
    # A name is data, never markup: the page shows what learners send as text.
    room.learner("dan", "join", room.url, room.code, "--name", "<b>dan</b>")
    wait(browser, lambda d: any(row["name"] == "<b>dan</b>" for row in learners(d)))
    assert not browser.find_elements(By.CSS_SELECTOR, "#learners td.name b")
    shot(browser, "room-3-after")


def bars(browser):
    """The day's bars as the page shows them: lesson, count, whether the clock says it is now."""
    return browser.execute_script(
        "return [...document.querySelectorAll('#bars .bar')].map(b => ({lesson: b.dataset.lesson,"
        " learners: b.textContent, here: b.classList.contains('here')}))")


def test_the_day_against_its_time_boxes(room, browser):
    import datetime
    for name in ["ada", "bert"]:
        room.learner(name, "start", "1")
        room.learner(name, "join", room.url, room.code, "--name", name)

    def schedule(*words):
        result = subprocess.run(
            [WORKSHOP, "room", "schedule", "--folder", str(room.folder / "room"), *words],
            env=room.env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout

    # The day started ten minutes ago (on the room's clock): its first lesson is now.
    start = max(datetime.datetime.now() - datetime.timedelta(minutes=10),
                datetime.datetime.now().replace(hour=0, minute=0))
    schedule("--starts", start.strftime("%H:%M"))
    browser.get(room.view)
    wait(browser, lambda d: any(b["here"] for b in bars(d)))
    first = bars(browser)[0]
    assert first == {"lesson": "events-are-facts", "learners": "2", "here": True}, bars(browser)
    assert "0 ahead · 2 on time · 0 behind" in browser.find_element(By.ID, "day-pace").text
    shot(browser, "room-4-day-on-time")

    # The first time box shortened to five minutes: the clock is in the second lesson, live.
    schedule("--lesson", "events-are-facts", "--minutes", "5")
    wait(browser, lambda d: "2 behind" in d.find_element(By.ID, "day-pace").text)
    now = [b for b in bars(browser) if b["here"]]
    assert [b["lesson"] for b in now] == ["deciding"], bars(browser)
    paces = browser.execute_script("return [...document.querySelectorAll('#learners td.pace')].map(td => td.textContent)")
    assert paces == ["behind", "behind"], paces
    shot(browser, "room-5-day-behind")
