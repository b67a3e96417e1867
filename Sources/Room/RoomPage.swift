/// The instructor's page: plain HTML and JavaScript compiled into the binary (no build step, no
/// CDN). It reads the token from the address's fragment (`/#token=…`, never sent to a server's
/// logs), asks `/api/room`, and asks again on every event of the live feed. Learner text goes in
/// with `textContent` only: a name is data, never markup.
enum RoomPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>workshop · the room</title>
        <style>
        body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; background: #fafafa; }
        h1 { font-size: 1.3rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        #state { color: #666; margin-bottom: 1rem; } #state.offline { color: #b00; }
        table { border-collapse: collapse; width: 100%; background: white; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; }
        th { background: #eee; font-weight: 600; }
        tr.red td.check { color: #b00; font-weight: 600; } tr.green td.check { color: #070; }
        tr.help { background: #fff4d6; } td.off { color: #999; }
        #help li { margin: .3rem 0; } #help button { margin-left: .4rem; }
        #refused { color: #b00; font-weight: 600; }
        #day-head { font-weight: 600; } #day-pace { color: #444; margin: .2rem 0 .5rem; }
        #bars { display: grid; grid-template-columns: auto auto 1fr; gap: .25rem .6rem; align-items: center; max-width: 48rem; }
        #bars .time { color: #666; font-variant-numeric: tabular-nums; } #bars .here { font-weight: 700; }
        #bars .bar { background: #7a9cc6; height: 1.1rem; min-width: 2px; color: white; font-size: .8rem; padding: 0 .3rem; }
        #bars .here.bar { background: #2f6db5; } #bars .empty.bar { background: none; color: #999; }
        td.pace-behind { color: #b00; } td.pace-ahead { color: #070; }
        </style>
        </head>
        <body>
        <h1>The room</h1>
        <div id="state">connecting…</div>
        <div id="refused" hidden></div>
        <form id="announce"><input id="announce-line" maxlength="200" size="60" placeholder="a line to every shell in the room">
        <button>announce</button> <span id="announced"></span></form>
        <section id="day" hidden>
        <h2>The day</h2>
        <div id="day-head"></div>
        <div id="day-pace"></div>
        <div id="bars"></div>
        </section>
        <h2>Help queue</h2>
        <ol id="help"></ol>
        <p id="no-help">Nobody is waiting.</p>
        <h2>Learners</h2>
        <table>
        <thead><tr><th>learner</th><th>lesson</th><th>last check</th><th>first failing scenario</th><th>error</th>
        <th>min since green</th><th>hints</th><th>connected</th><th>pace</th></tr></thead>
        <tbody id="learners"></tbody>
        </table>
        <script src="/room.js"></script>
        </body>
        </html>
        """

    static let script = """
        "use strict";
        const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
        const headers = { "Authorization": "Bearer " + token };
        let pending = null;

        function cell(row, text, className) {
          const td = document.createElement("td");
          td.textContent = text;
          if (className) td.className = className;
          row.appendChild(td);
          return td;
        }

        function render(room) {
          const body = document.getElementById("learners");
          body.replaceChildren();
          for (const l of room.learners) {
            const tr = document.createElement("tr");
            tr.dataset.learner = l.learner;
            tr.className = (l.total == null ? "" : (l.red ? "red" : "green")) + (l.help ? " help" : "");
            cell(tr, l.name, "name");
            cell(tr, l.lesson || "–", "lesson");
            cell(tr, l.total == null ? "–" : (l.passed + " of " + l.total), "check");
            cell(tr, l.firstFailure || "", "failure");
            cell(tr, l.errorClass || "", "error");
            cell(tr, l.minutesSinceGreen == null ? "" : String(l.minutesSinceGreen), "minutes");
            cell(tr, String(l.hintsUsed) + (l.referenceViewedEarly ? " · saw reference" : ""), "hints");
            cell(tr, l.connected ? "yes" : "no", l.connected ? "connected" : "connected off");
            cell(tr, l.pace || "", l.pace ? "pace pace-" + l.pace.replace(" ", "-") : "pace");
            body.appendChild(tr);
          }
          renderDay(room.pace);
          const help = document.getElementById("help");
          help.replaceChildren();
          for (const h of room.help) {
            const li = document.createElement("li");
            li.dataset.learner = h.learner;
            const text = document.createElement("span");
            text.textContent = h.name + " · " + h.lesson + (h.line ? " · “" + h.line + "”" : "") +
              (h.firstFailure ? " · failing: " + h.firstFailure : "") + " · " + h.status;
            li.appendChild(text);
            for (const action of h.status === "waiting" ? ["taken", "done"] : ["done"]) {
              const button = document.createElement("button");
              button.textContent = action === "taken" ? "take" : "done";
              button.className = action;
              button.onclick = () => mark(h.learner, action);
              li.appendChild(button);
            }
            help.appendChild(li);
          }
          document.getElementById("no-help").hidden = room.help.length > 0;
          document.getElementById("state").textContent =
            room.learners.length + " learners · " + room.learners.filter(l => l.connected).length + " connected · " +
            room.forwarded + " events · " + new Date(room.at).toLocaleTimeString();
        }

        function clock(m) { return String(Math.floor(m / 60) % 24).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0"); }

        // The room over the day's lessons: a bar per lesson, the one the clock says in bold.
        function renderDay(pace) {
          document.getElementById("day").hidden = !pace;
          if (!pace) return;
          const plan = pace.plan;
          document.getElementById("day-head").textContent = plan.title +
            (plan.startsAt == null ? "" : " · from " + clock(plan.startsAt) + (plan.startMoved ? " (moved)" : "")) +
            (pace.expected ? " · the room should be on " + pace.expected : "");
          document.getElementById("day-pace").textContent =
            pace.ahead + " ahead · " + pace.onTime + " on time · " + pace.behind + " behind";
          const bars = document.getElementById("bars");
          bars.replaceChildren();
          const rows = [];
          if (pace.before > 0) rows.push({ time: "", lesson: "not started or earlier", learners: pace.before });
          for (const b of pace.bars) rows.push({
            time: b.start == null ? b.minutes + " min" : clock(b.start) + "–" + clock(b.start + b.minutes),
            lesson: b.lesson, learners: b.learners, here: b.lesson === pace.expected });
          if (pace.after > 0) rows.push({ time: "", lesson: "later days", learners: pace.after });
          const widest = Math.max(1, ...rows.map(r => r.learners));
          for (const r of rows) {
            const time = document.createElement("span");
            time.className = "time" + (r.here ? " here" : "");
            time.textContent = r.time;
            const lesson = document.createElement("span");
            lesson.className = "lesson" + (r.here ? " here" : "");
            lesson.textContent = (r.here ? "▶ " : "") + r.lesson;
            const holder = document.createElement("div");
            const bar = document.createElement("div");
            bar.className = "bar" + (r.here ? " here" : "") + (r.learners === 0 ? " empty" : "");
            bar.dataset.lesson = r.lesson;
            bar.style.width = (r.learners === 0 ? 0 : Math.max(4, 100 * r.learners / widest)) + "%";
            bar.textContent = String(r.learners);
            holder.appendChild(bar);
            bars.append(time, lesson, holder);
          }
        }

        async function refresh() {
          pending = null;
          const response = await fetch("/api/room", { headers });
          const answer = await response.json();
          const refused = document.getElementById("refused");
          if (!response.ok) { refused.hidden = false; refused.textContent = answer.error; return; }
          refused.hidden = true;
          render(answer);
        }

        function soon() { if (!pending) pending = setTimeout(refresh, 150); }

        async function mark(learner, action) {
          await fetch("/api/help", { method: "POST", headers, body: JSON.stringify({ learner, action }) });
          soon();
        }

        const live = new EventSource("/api/live?token=" + encodeURIComponent(token));
        live.addEventListener("append", soon);
        live.onerror = () => { document.getElementById("state").className = "offline"; };
        live.onopen = () => { document.getElementById("state").className = ""; soon(); };
        document.getElementById("announce").onsubmit = async (event) => {
          event.preventDefault();
          const input = document.getElementById("announce-line");
          const response = await fetch("/api/announce", { method: "POST", headers, body: JSON.stringify({ line: input.value }) });
          const answer = await response.json();
          document.getElementById("announced").textContent = response.ok ? "sent: " + answer.announced : answer.error;
          if (response.ok) input.value = "";
        };
        // A token pasted into the address of an open page takes effect.
        window.addEventListener("hashchange", () => location.reload());
        // Who is connected changes with time alone.
        setInterval(soon, 5000);
        refresh();
        """
}
