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
        </style>
        </head>
        <body>
        <h1>The room</h1>
        <div id="state">connecting…</div>
        <div id="refused" hidden></div>
        <form id="announce"><input id="announce-line" maxlength="200" size="60" placeholder="a line to every shell in the room">
        <button>announce</button> <span id="announced"></span></form>
        <h2>Help queue</h2>
        <ol id="help"></ol>
        <p id="no-help">Nobody is waiting.</p>
        <h2>Learners</h2>
        <table>
        <thead><tr><th>learner</th><th>lesson</th><th>last check</th><th>first failing scenario</th><th>error</th>
        <th>min since green</th><th>hints</th><th>connected</th></tr></thead>
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
            cell(tr, String(l.hintsUsed), "hints");
            cell(tr, l.connected ? "yes" : "no", l.connected ? "connected" : "connected off");
            body.appendChild(tr);
          }
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
