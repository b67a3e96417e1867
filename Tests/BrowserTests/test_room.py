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
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#learners tr")) == 3)
    rows = browser.find_elements(By.CSS_SELECTOR, "#learners tr")
    assert rows[0].find_element(By.CLASS_NAME, "name").text == "bert", "who asked for help comes first"
    assert "help" in rows[0].get_attribute("class")
    assert rows[1].find_element(By.CLASS_NAME, "lesson").text == "events-are-facts"
    assert rows[1].find_element(By.CLASS_NAME, "hints").text == "1"
    queue = browser.find_elements(By.CSS_SELECTOR, "#help li")
    assert len(queue) == 1 and "my events are not facts" in queue[0].text and "waiting" in queue[0].text
    shot(browser, "room-1-learners")

    # A second request arrives live, behind the first; the instructor takes the first.
    room.learner("cleo", "help-me")
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#help li")) == 2)
    names = [r.find_element(By.CLASS_NAME, "name").text for r in browser.find_elements(By.CSS_SELECTOR, "#learners tr")]
    assert names[:2] == ["bert", "cleo"], names
    browser.find_element(By.CSS_SELECTOR, "#help li button.taken").click()
    wait(browser, lambda d: "taken" in d.find_elements(By.CSS_SELECTOR, "#help li")[0].text)
    shot(browser, "room-2-help-queue")

    # Done: the request leaves the queue; `room status --json` agrees with the page.
    browser.find_element(By.CSS_SELECTOR, "#help li button.done").click()
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#help li")) == 1)
    status = subprocess.run(
        [WORKSHOP, "room", "status", "--folder", str(room.folder / "room"), "--json"],
        env=room.env, capture_output=True, text=True, timeout=60)
    view = json.loads(status.stdout)["room"]
    assert [h["name"] for h in view["help"]] == ["cleo"]
    assert sorted(l["name"] for l in view["learners"]) == ["ada", "bert", "cleo"]
    # A name is data, never markup: the page escapes what learners send.
    room.learner("dan", "join", room.url, room.code, "--name", "<b>dan</b>")
    wait(browser, lambda d: any(c.text == "<b>dan</b>" for c in d.find_elements(By.CSS_SELECTOR, "#learners td.name")))
    shot(browser, "room-3-after")
