extension WindowPage {
    static let script = #"""
        "use strict";
        // The window's page: routes by its own address, reads /api/, and listens to /api/live.
        const main = document.getElementById("main");
        const connection = document.getElementById("connection");
        let view = null;            // the current view's live handler, if any
        let lastSeen = null;        // the last global position the live feed delivered
        let feed = null;

        const esc = (text) => String(text ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
        const short = (id) => id ? id.slice(0, 8).toLowerCase() : "";
        const local = (iso) => iso ? new Date(iso).toLocaleString() : "";
        const clock = (iso) => iso ? new Date(iso).toLocaleTimeString() : "";
        const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";
        // A time as a datetime-local input holds it (the learner's own zone, to the second), and back.
        const pad = (n) => String(n).padStart(2, "0");
        const inputTime = (iso) => { const d = new Date(iso); return isNaN(d) ? "" :
          `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`; };
        const isoTime = (value) => new Date(value).toISOString().replace(/\.000Z$/, "Z");
        const streamHref = (name, rev) => "/streams/" + encodeURIComponent(name) + (rev === undefined ? "" : "?rev=" + rev);

        async function api(path) {
          const response = await fetch("/api/" + path);
          const body = await response.json();
          if (!response.ok) throw new Error(body.error || response.statusText);
          return body;
        }

        function query() { return new URLSearchParams(location.search); }

        function go(href) { history.pushState(null, "", href); route(); }

        document.addEventListener("click", (event) => {
          const link = event.target.closest("a[href^='/']");
          if (!link || event.ctrlKey || event.metaKey || event.shiftKey || link.target) return;
          event.preventDefault();
          go(link.getAttribute("href"));
        });
        window.addEventListener("popstate", route);

        async function route() {
          view = null;
          const path = decodeURIComponent(location.pathname);
          for (const link of document.querySelectorAll("header nav a")) {
            link.classList.toggle("current", path.startsWith(link.getAttribute("href")));
          }
          try {
            if (path === "/" || path === "/streams") await streamsView();
            else if (path.startsWith("/streams/")) await streamView(path.slice("/streams/".length));
            else if (path === "/all") await allView();
            else if (path.startsWith("/correlations/")) await correlationView(path.slice("/correlations/".length));
            else if (path.startsWith("/events/")) await eventRedirect(path.slice("/events/".length));
            else if (path === "/progress") await progressView();
            else if (path === "/read-models") await readModelsView();
            else main.innerHTML = `<p class="error">Nothing lives at ${esc(path)}. <a href="/streams">The streams</a></p>`;
          } catch (error) {
            main.innerHTML = `<p class="error">${esc(error.message)}</p>`;
          }
          // Views that read no listing still show the connection, from the store's end.
          if (!feed) startFeed((await api("all?direction=backwards&limit=1").catch(() => ({ head: 0 }))).head);
        }

        // ---- the live feed: one for the page, resumed from the last position it saw ----

        function connect(from) {
          if (feed) feed.close();
          feed = new EventSource("/api/live?from=" + from);
          feed.onopen = () => { connection.dataset.state = "live"; connection.textContent = "live"; };
          feed.onerror = () => {
            connection.dataset.state = "lost";
            connection.textContent = "connection lost · reconnecting…";
            if (feed.readyState === EventSource.CLOSED) {
              // The browser gave up; start again after the last event this page showed.
              setTimeout(() => connect(lastSeen === null ? from : lastSeen + 1), 1000);
            }
          };
          feed.addEventListener("append", (message) => {
            const event = JSON.parse(message.data);
            if (lastSeen !== null && event.position <= lastSeen) return;   // never show one twice
            lastSeen = event.position;
            if (view) view(event);
          });
        }

        function startFeed(head) {
          if (feed) return;
          lastSeen = head > 0 ? head - 1 : null;
          connect(head);
        }

        // ---- shared pieces ----

        function filterForm(params, categories) {
          const options = ['<option value="">any</option>'].concat(categories.map((c) =>
            `<option ${params.get("category") === c ? "selected" : ""}>${esc(c)}</option>`)).join("");
          return `<form class="filters" id="filters">
            <label>category <select name="category">${options}</select></label>
            <label>name <input name="match" placeholder="category-*" value="${esc(params.get("match"))}"></label>
            <label>event type <input name="type" placeholder="OrderPlaced" value="${esc(params.get("type"))}"></label>
            <button type="submit">Filter</button></form>`;
        }

        function bindFilters(extra = {}) {
          const form = document.getElementById("filters");
          form.addEventListener("submit", (event) => {
            event.preventDefault();
            const params = new URLSearchParams(extra);
            for (const [name, value] of new FormData(form)) if (value) params.set(name, value);
            go(location.pathname + (params.toString() ? "?" + params : ""));
          });
          form.querySelector("select").addEventListener("change", () => form.requestSubmit());
        }

        function passes(event, params) {
          if (params.get("category") && event.category !== params.get("category")) return false;
          if (params.get("type") && event.type !== params.get("type")) return false;
          const match = params.get("match");
          if (match) {
            const pattern = new RegExp("^" + match.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
            if (!pattern.test(event.stream)) return false;
          }
          return true;
        }

        function json(value) { return JSON.stringify(value, null, 2); }

        function envelopeRow(event, { isNew = false, positions = false, open = false } = {}) {
          const details = document.createElement("details");
          details.className = "event" + (isNew ? " new" : "");
          details.id = positions ? "pos-" + event.position : "rev-" + event.revision;
          details.dataset.position = event.position;
          details.open = open;
          const where = positions ? `<span class="mono">#${event.position}</span>` : `<span class="mono">rev ${event.revision}</span>`;
          const stream = positions ? ` <a href="${streamHref(event.stream, event.revision)}">${esc(event.stream)}</a>` : "";
          details.innerHTML = `<summary>${where}<span><strong>${esc(event.type)}</strong>${isNew ? '<span class="badge">new</span>' : ""}</span>
            <span class="dim">${esc(clock(event.createdAt))}${stream}</span><span class="preview mono">${esc(JSON.stringify(event.data))}</span></summary>
            <div class="envelope"><table>
            <tr><th>event id</th><td class="mono">${esc(event.eventId)} <button type="button" data-copy="id">copy id</button>
              <button type="button" data-copy="json">copy JSON</button></td></tr>
            <tr><th>type</th><td>${esc(event.type)}</td></tr>
            <tr><th>stream</th><td><a href="${streamHref(event.stream, event.revision)}">${esc(event.stream)}</a> · category ${esc(event.category)}</td></tr>
            <tr><th>revision</th><td>${event.revision}</td></tr>
            <tr><th>global position</th><td>${event.position}</td></tr>
            <tr><th>created at</th><td>${esc(local(event.createdAt))}</td></tr>
            <tr><th>causation id</th><td class="mono">${event.causationId ? `${esc(event.causationId)} <span class="dim">(the command)</span>` : "—"}</td></tr>
            ${event.metadata && event.metadata.commandCausationId ? `<tr><th>command caused by</th><td class="mono"><a class="causation" href="/events/${esc(event.metadata.commandCausationId)}">${esc(event.metadata.commandCausationId)}</a></td></tr>` : ""}
            <tr><th>correlation id</th><td class="mono">${event.correlationId ? `<a class="correlation" href="/correlations/${event.correlationId}">${esc(event.correlationId)}</a>` : "—"}</td></tr>
            <tr><th>data</th><td><pre>${esc(json(event.data))}</pre></td></tr>
            <tr><th>metadata</th><td><pre>${esc(json(event.metadata))}</pre></td></tr>
            </table></div>`;
          details.querySelector('[data-copy="id"]').addEventListener("click", () => copy(event.eventId));
          details.querySelector('[data-copy="json"]').addEventListener("click", () => copy(json(event)));
          return details;
        }

        async function copy(text) {
          try { await navigator.clipboard.writeText(text); }
          catch {
            const area = document.createElement("textarea");
            area.value = text; document.body.appendChild(area); area.select();
            document.execCommand("copy"); area.remove();
          }
        }

        function expandAllButton(list) {
          const button = document.createElement("button");
          button.type = "button"; button.id = "expand-all"; button.textContent = "expand all";
          button.addEventListener("click", () => {
            const open = button.textContent === "expand all";
            for (const details of list.querySelectorAll("details.event")) details.open = open;
            button.textContent = open ? "collapse all" : "expand all";
          });
          return button;
        }

        // ---- streams ----

        async function streamsView() {
          const params = query();
          const page = await api("streams?" + params);
          startFeed(page.head);
          const rows = (streams, fresh = new Set()) => streams.map((s) => `<tr class="${fresh.has(s.name) ? "new" : ""}" data-stream="${esc(s.name)}">
            <td><a href="${streamHref(s.name)}">${esc(s.name)}</a>${fresh.has(s.name) ? '<span class="badge">new</span>' : ""}</td><td>${esc(s.category)}</td>
            <td>${s.count}</td><td>${esc(local(s.lastChange))}</td></tr>`).join("");
          const table = (id, streams, fresh) => `<table id="${id}"><thead><tr><th>stream</th><th>category</th><th>events</th><th>last change</th></tr></thead>
            <tbody>${rows(streams, fresh)}</tbody></table>`;
          main.innerHTML = `<h1>Streams</h1>${filterForm(params, page.categories)}
            ${page.streams.length ? table("streams", page.streams) : '<p class="dim" id="streams">No streams yet: type one of your lesson\'s domain commands in the shell (<code>help</code> lists them).</p>'}
            <h2>The tool's own streams</h2><p class="dim">Your progress, kept by the tool as events; never mixed into your domain's streams.</p>
            ${table("tool-streams", page.toolStreams)}`;
          bindFilters();
          const fresh = new Set();
          view = async (event) => {
            if (!passes(event, params)) return;
            fresh.add(event.stream);
            const again = await api("streams?" + params);
            const list = document.getElementById("streams");
            if (list) list.outerHTML = table("streams", again.streams, fresh);
          };
        }

        // ---- one stream ----

        async function streamView(name) {
          const params = query();
          const backwards = params.get("direction") === "backwards";
          const rev = params.get("rev"), at = params.get("at");
          const from = rev !== null && !backwards ? Math.max(0, Number(rev) - 25) : null;
          const page = await api(`streams/${encodeURIComponent(name)}?direction=${backwards ? "backwards" : "forwards"}` + (from !== null ? "&from=" + from : ""));
          startFeed(page.head);
          main.innerHTML = `<h1>stream ${esc(page.stream)} <span class="dim">· category ${esc(page.category)} · revisions up to
            <span id="last-revision">${page.lastRevision}</span></span></h1>
            <div class="columns"><section><div class="toolbar" id="toolbar">
            <a href="${streamHref(page.stream)}${backwards ? "" : "?direction=backwards"}" id="direction">${backwards ? "oldest first" : "newest first"}</a></div>
            <div id="events"></div><div class="toolbar"><button type="button" id="more" hidden>more</button></div></section>
            <aside id="state"></aside></div>`;
          const list = document.getElementById("events");
          document.getElementById("toolbar").prepend(expandAllButton(list));
          let next = page.next;
          const add = (events) => { for (const event of events) list.appendChild(envelopeRow(event, { open: String(event.revision) === rev })); };
          add(page.events);
          const more = document.getElementById("more");
          const showMore = () => { more.hidden = next === null || next === undefined; };
          showMore();
          more.addEventListener("click", async () => {
            const again = await api(`streams/${encodeURIComponent(name)}?direction=${backwards ? "backwards" : "forwards"}&from=${next}`);
            next = again.next; add(again.events); showMore();
          });
          if (rev !== null) {
            const target = document.getElementById("rev-" + rev);
            if (target) { target.classList.add("target"); target.open = true; target.scrollIntoView({ block: "center" }); }
          }
          let slider = null;
          if (page.folds) slider = await stateView(page, rev === null ? page.lastRevision : Number(rev), at);
          view = (event) => {
            if (event.stream !== page.stream) return;
            document.getElementById("last-revision").textContent = event.revision;
            const row = envelopeRow(event, { isNew: true });
            if (backwards) list.prepend(row); else if (next === null || next === undefined) list.appendChild(row);
            if (slider) slider.grow(event.revision);
          };
        }

        // The state after a revision (the slider) or as of a time (the time field, in the learner's
        // own zone; the address holds it as ISO 8601, `?at=2026-12-02T10:05:00Z`, so it can be pasted).
        async function stateView(page, revision, at) {
          const panel = document.getElementById("state");
          panel.className = "panel";
          panel.innerHTML = `<h2>State, folded by your evolve</h2>
            <label class="dim" for="state-slider">after revision</label>
            <input type="range" id="state-slider" min="0" max="${page.lastRevision}" value="${revision}">
            <form class="time-control" id="state-time-form"><label class="dim" for="state-time">or as of a time (${esc(zone())})</label>
              <span><input type="datetime-local" id="state-time" step="1"> <button type="submit">show</button></span></form>
            <div id="state-caption" class="dim"></div><div id="state-picture"></div><pre id="state-json" class="mono"></pre>`;
          const slider = document.getElementById("state-slider");
          const time = document.getElementById("state-time");
          let mode = at ? { at } : { rev: revision };
          if (at) time.value = inputTime(at);
          let asked = 0;
          const show = async () => {
            const ticket = ++asked, asking = mode;
            const question = asking.at !== undefined ? "at=" + encodeURIComponent(asking.at) : "rev=" + asking.rev;
            try {
              const state = await api(`states/${encodeURIComponent(page.stream)}?${question}`);
              if (ticket !== asked) return;
              render(state, asking);
            } catch (error) {
              if (ticket === asked) {
                document.getElementById("state-caption").textContent = "";
                document.getElementById("state-picture").innerHTML = "";
                document.getElementById("state-json").textContent = error.message;
              }
            }
          };
          const render = (state, asking) => {
            const after = state.event
              ? `after revision ${state.revision}: ${state.event.type} · stored ${local(state.event.createdAt)}`
              : "before the first event: the initial state";
            document.getElementById("state-caption").textContent =
              asking.at !== undefined ? `as of ${local(asking.at)} (${zone()}), ${after}` : after;
            document.getElementById("state-picture").innerHTML = state.picture ? grid(state.picture) : "";
            document.getElementById("state-json").textContent = json(state.state);
            if (asking.at !== undefined && state.revision !== undefined && state.revision !== null) slider.value = state.revision;
            const params = query();
            if (asking.at !== undefined) { params.delete("rev"); params.set("at", asking.at); }
            else { params.delete("at"); params.set("rev", asking.rev); }
            history.replaceState(null, "", location.pathname + "?" + params);
          };
          slider.addEventListener("input", () => { mode = { rev: Number(slider.value) }; time.value = ""; show(); });
          const chooseTime = (event) => {
            if (event) event.preventDefault();
            if (!time.value || isNaN(new Date(time.value))) return;
            mode = { at: isoTime(time.value) };
            show();
          };
          time.addEventListener("change", () => chooseTime());
          document.getElementById("state-time-form").addEventListener("submit", chooseTime);
          await show();
          return { grow: (rev) => {
            const atEnd = mode.rev !== undefined && mode.rev === Number(slider.max);
            slider.max = rev;
            if (atEnd) { slider.value = rev; mode = { rev }; show(); }
            else if (mode.at !== undefined) show();   // a time after the new event now includes it
          } };
        }

        // The pack's grid (pictures.yaml), drawn by the server from the state: rows from the top,
        // each cell the value in it (who holds it) or null; a mark says which value it stands for.
        function grid(picture) {
          const columns = picture.columns.length, rows = picture.rows.length;
          const markOf = (value) => picture.marks.findIndex((mark) => mark.value === value);
          let cells = "";
          picture.rows.forEach((row, top) => row.forEach((value, column) => {
            const mark = value === null || value === undefined ? -2 : markOf(value);
            const kind = mark === -2 ? "empty" : mark === -1 ? "other" : `m${mark + 1} ${picture.marks[mark].color}`;
            cells += `<circle class="${kind}" cx="${50 + column * 100}" cy="${50 + top * 100}" r="40"><title>${esc(value ?? "")}</title></circle>`;
          }));
          const who = picture.marks.filter((mark) => mark.value).map((mark) => `${esc(mark.value)} ${mark.color}`).join(" · ");
          const caption = [who, picture.caption ? esc(picture.caption) : ""].filter((part) => part).join(" · ");
          return `<svg class="grid" viewBox="0 0 ${columns * 100} ${rows * 100}" role="img" aria-label="${esc(picture.picture)}">
            <rect width="${columns * 100}" height="${rows * 100}" rx="24" fill="#2456c8"/>
            <style>.empty{fill:#f7f8fa}.other{fill:#888}.red{fill:#d62828}.yellow{fill:#f4c20d}.green{fill:#2a9d4b}
              .blue{fill:#8ecae6}.magenta{fill:#c2188f}.cyan{fill:#17becf}</style>${cells}</svg>
            <div class="dim">${caption}</div>`;
        }

        // ---- the all-stream ----

        async function allView() {
          const params = query();
          const follow = params.get("follow") === "1";
          const filters = new URLSearchParams(params); filters.delete("follow");
          const firstQuery = new URLSearchParams(filters);
          if (follow) firstQuery.set("direction", "backwards");
          const first = await api("all?" + firstQuery);
          startFeed(first.head);
          const categories = (await api("streams")).categories;
          main.innerHTML = `<h1>The all-stream <span class="dim">· every event in the order it was stored</span></h1>
            ${filterForm(params, categories)}<div class="toolbar" id="toolbar">
            <label><input type="checkbox" id="follow" ${follow ? "checked" : ""}> follow</label></div>
            <div id="events"></div><div class="toolbar"><button type="button" id="more" hidden>more</button></div>`;
          bindFilters(follow ? { follow: "1" } : {});
          document.getElementById("follow").addEventListener("change", (event) => {
            const again = new URLSearchParams(params);
            if (event.target.checked) again.set("follow", "1"); else again.delete("follow");
            go("/all?" + again);
          });
          const list = document.getElementById("events");
          document.getElementById("toolbar").prepend(expandAllButton(list));
          const events = follow ? first.events.slice().reverse() : first.events;
          for (const event of events) list.appendChild(envelopeRow(event, { positions: true }));
          let next = follow ? null : first.next;
          const more = document.getElementById("more");
          const showMore = () => { more.hidden = next === null || next === undefined; };
          showMore();
          more.addEventListener("click", async () => {
            const nextQuery = new URLSearchParams(filters); nextQuery.set("from", next);
            const again = await api("all?" + nextQuery);
            next = again.next; showMore();
            for (const event of again.events) list.appendChild(envelopeRow(event, { positions: true }));
          });
          if (follow) window.scrollTo(0, document.body.scrollHeight);
          view = (event) => {
            if (!passes(event, params) || (next !== null && next !== undefined)) return;
            list.appendChild(envelopeRow(event, { positions: true, isNew: true }));
            if (follow) window.scrollTo(0, document.body.scrollHeight);
          };
        }

        // ---- causation ----

        async function eventRedirect(id) {
          const event = await api("events/" + encodeURIComponent(id)).catch(() => null);
          if (event) {
            history.replaceState(null, "", streamHref(event.stream, event.revision));
            return route();
          }
          // Not an event: a typed command's id, which is the start of its conversation.
          history.replaceState(null, "", "/correlations/" + id);
          return route();
        }

        async function correlationView(id) {
          const page = await api("correlations/" + encodeURIComponent(id));
          main.innerHTML = `<h1>Causation <span class="dim">· correlation ${esc(short(page.correlationId))}</span></h1>
            <p class="dim">One conversation: the command you typed, the events it stored, the reactions they set off and the commands those sent.</p>
            <ol class="timeline" id="timeline"></ol>`;
          const timeline = document.getElementById("timeline");
          for (const step of page.steps) {
            const item = document.createElement("li");
            item.className = step.causedBy ? "step-reaction" : "step-command";
            const cause = step.causedBy
              ? `reaction to <a href="${streamHref(step.causedBy.stream, step.causedBy.revision)}">${esc(step.causedBy.type)}</a> on ${esc(step.causedBy.stream)} sent`
              : "you typed";
            item.innerHTML = `<div>${cause} <strong class="mono">${esc(step.command ?? "a command")}</strong>
              <span class="dim mono">${esc(short(step.causationId))}</span></div><div class="events"></div>`;
            const events = item.querySelector(".events");
            for (const event of step.events) events.appendChild(envelopeRow(event, { positions: true }));
            timeline.appendChild(item);
          }
        }

        // ---- read models ----

        // Why there are none, in words that are true of this workspace.
        function noReadModels(page) {
          const first = page.firstLesson, lesson = page.lesson;
          const begins = first ? ` Read models begin with lesson ${first.number}, ${first.title}, where you write your first projection.` : "";
          if (!first) return "No lesson of this course has a read model to show.";
          if (!lesson) return "No lesson is started in this workspace, so there is no projection of yours to run yet." + begins;
          if (lesson.number < first.number) return `You are on lesson ${lesson.number}, ${lesson.title}: it and the lessons before it have no read models.` + begins;
          return `The lessons up to ${lesson.number}, ${lesson.title}, declare no read models.`;
        }

        function modelValue(value) {
          const scalar = (v) => v === null || typeof v !== "object";
          if (value === undefined) return '<p class="dim">nothing here yet</p>';
          if (Array.isArray(value)) {
            if (!value.length) return '<p class="dim">empty</p>';
            return `<ol>${value.map((v) => `<li>${scalar(v) ? esc(v) : `<pre>${esc(json(v))}</pre>`}</li>`).join("")}</ol>`;
          }
          if (!scalar(value)) {
            const keys = Object.keys(value).sort();
            if (!keys.length) return '<p class="dim">empty</p>';
            if (keys.every((k) => scalar(value[k]))) {
              return `<table><tbody>${keys.map((k) => `<tr><th>${esc(k)}</th><td>${esc(value[k])}</td></tr>`).join("")}</tbody></table>`;
            }
            return `<pre>${esc(json(value))}</pre>`;
          }
          return `<p class="scalar">${esc(value)}</p>`;
        }

        function modelCaption(model) {
          const delivered = `${model.delivered} event${model.delivered === 1 ? "" : "s"} delivered`;
          const checkpoint = model.checkpoint;
          if (!checkpoint) return delivered;
          if (checkpoint.position === undefined || checkpoint.position === null) {
            return delivered + (model.delivered ? " · checkpoint: none, your projection did not record how far it got" : " · checkpoint: none yet");
          }
          return delivered + ` · checkpoint: position ${checkpoint.position}` + (checkpoint.caughtUp ? " · caught up" : ` · ${checkpoint.behind} behind`);
        }

        async function readModelsView() {
          const page = await api("read-models");
          startFeed(page.head);
          if (!page.readModels.length) {
            main.innerHTML = `<h1>Read models</h1><p id="no-read-models">${esc(noReadModels(page))}</p>`;
            return;
          }
          main.innerHTML = `<h1>Read models <span class="dim">· your projections over the all-stream, run by your code</span></h1>
            <p class="dim">Each is your projection, delivered every domain event of the store in order, run again when one arrives:
            what the shell shows when you type ${page.readModels.map((m) => `<code>${esc(m.usage)}</code>`).join(", ")}.</p>
            <div class="read-models" id="read-models">${page.readModels.map((m) => `<section class="panel read-model" data-name="${esc(m.name)}">
              <h2>${esc(m.name)}</h2><p class="dim">${esc(m.summary)}</p><div class="value"></div><div class="caption dim"></div></section>`).join("")}</div>`;
          const sections = [...document.querySelectorAll("section.read-model")];
          const shown = new Map();
          const render = (section, model, fresh) => {
            const before = shown.get(section.dataset.name), now = JSON.stringify(model.value ?? null);
            shown.set(section.dataset.name, now);
            const changed = fresh && before !== undefined && before !== now;
            // Marked new when the last refresh changed it, as new events are on the other pages.
            section.classList.toggle("new", changed);
            section.querySelector(".value").innerHTML = modelValue(model.value);
            section.querySelector(".caption").textContent = modelCaption(model) + (changed ? " · changed by the last event" : "");
          };
          // One refresh at a time; events that arrive meanwhile ask for one more, not one each.
          let running = false, again = false;
          const refresh = async (fresh) => {
            if (running) { again = true; return; }
            running = true;
            for (const section of sections) {
              if (!section.isConnected) break;
              try { render(section, await api("read-models/" + encodeURIComponent(section.dataset.name)), fresh); }
              catch (error) { section.querySelector(".value").innerHTML = `<p class="error">${esc(error.message)}</p>`; }
            }
            running = false;
            if (again) { again = false; refresh(true); }
          };
          // Listening before the first run: an event stored while it runs asks for one more.
          view = () => refresh(true);
          await refresh(false);
        }

        // ---- progress ----

        async function progressView() {
          const page = await api("progress");
          const lessons = (page.projection && page.projection.lessons) || [];
          const minutes = (seconds) => seconds ? Math.round(seconds / 60) + " min" : "";
          main.innerHTML = `<h1>Your progress <span class="dim">· ${esc(page.streams.join(", "))}</span></h1>
            <p class="dim">The tool keeps your progress as an event stream; this table is its projection.</p>
            <table id="lessons"><thead><tr><th>lesson</th><th>status</th><th>checks</th><th>best</th><th>hints</th><th>time</th></tr></thead><tbody>
            ${lessons.map((l) => `<tr><td>${l.number} · ${esc(l.title)}</td><td class="status-${esc(l.status)}">${esc(l.status)}</td><td>${l.checks}</td>
              <td>${l.total ? l.bestPassed + " of " + l.total : ""}</td><td>${l.hintsUsed}</td><td>${minutes(l.secondsSpent)}</td></tr>`).join("")}
            </tbody></table><h2>The events</h2><div id="events"></div>`;
          const list = document.getElementById("events");
          for (const event of page.events) list.appendChild(envelopeRow(event));
        }

        route();
        """#
}
