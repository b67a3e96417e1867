"""Writes a synthetic lesson pack of N lessons (valid, with text, hints and starters) for benchmarks."""
import os
import sys

folder, count = sys.argv[1], int(sys.argv[2])
ids = [f"lesson-{n:02d}" for n in range(1, count + 1)]
os.makedirs(folder, exist_ok=True)
half = (count + 1) // 2
with open(os.path.join(folder, "course.yaml"), "w") as course:
    course.write("title: Benchmark Course\ndays:\n")
    for title, part in (("Day 1", ids[:half]), ("Day 2", ids[half:])):
        course.write(f"  - title: {title}\n    starts: \"09:00\"\n    schedule:\n")
        for lesson in part:
            course.write(f"      - lesson: {lesson}\n")
        course.write("      - break: Coffee\n        minutes: 15\n")
for number, lesson in enumerate(ids, 1):
    base = os.path.join(folder, lesson)
    os.makedirs(os.path.join(base, "starter/Sources/Game"), exist_ok=True)
    paragraph = "Events are facts that happened. " * 40
    with open(os.path.join(base, "lesson.md"), "w") as text:
        text.write(f"---\nid: {lesson}\ntitle: Lesson {number}\nduration: 25\nobjectives:\n  - One\n  - Two\n"
                   f"prerequisites: []\n---\n# Lesson {number}\n\n" + (paragraph + "\n\n") * 10)
    with open(os.path.join(base, "hints.md"), "w") as hints:
        hints.write("## Nudge\nA nudge.\n\n## Approach\nAn approach.\n\n## Nearly the answer\nAlmost.\n")
    with open(os.path.join(base, f"starter/Sources/Game/Step{number}.swift"), "w") as starter:
        starter.write(f"// TODO: step {number}\n")
