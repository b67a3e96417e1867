extension WindowPage {
    static let style = #"""
        :root { --ink: #1d2330; --dim: #6b7385; --line: #dfe3ea; --accent: #2456c8; --new: #fff4c2;
          --bg: #f7f8fa; --card: #fff; --bad: #b3261e; --good: #1f7a3a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; background: var(--ink); color: #fff; }
        header a { color: #cfd8ff; text-decoration: none; margin-right: 1rem; }
        header a.current { color: #fff; font-weight: 600; }
        .brand { font-family: ui-monospace, monospace; }
        .connection { margin-left: auto; font-size: .85rem; padding: .15rem .6rem; border-radius: 1rem; background: #555; }
        .connection[data-state="live"] { background: var(--good); }
        .connection[data-state="lost"] { background: var(--bad); }
        main { padding: 1rem 1.2rem 3rem; max-width: 1200px; }
        h1 { font-size: 1.3rem; margin: .4rem 0 .8rem; }
        h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
        a { color: var(--accent); }
        code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .88rem; }
        table { border-collapse: collapse; width: 100%; background: var(--card); }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-weight: 600; color: var(--dim); font-size: .85rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; margin-bottom: .8rem; }
        form.filters label { display: flex; flex-direction: column; font-size: .8rem; color: var(--dim); }
        input, select, button { font: inherit; padding: .25rem .5rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        button { cursor: pointer; }
        button:hover { border-color: var(--accent); }
        .toolbar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
        .dim { color: var(--dim); }
        .error { color: var(--bad); background: #fde8e6; padding: .6rem .8rem; border-radius: 4px; }
        tr.new, details.new > summary { background: var(--new); transition: background 3s; }
        .badge { display: inline-block; font-size: .72rem; padding: 0 .4rem; border-radius: .6rem; background: #f0b400; color: #000; margin-left: .4rem; }
        details.event { background: var(--card); border: 1px solid var(--line); border-radius: 4px; margin: .3rem 0; }
        details.event > summary { cursor: pointer; padding: .35rem .6rem; display: grid;
          grid-template-columns: 4.5rem 12rem 10rem 1fr; gap: .6rem; align-items: baseline; }
        details.event > summary .preview { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; color: var(--dim); }
        details.event.target { outline: 2px solid var(--accent); }
        .envelope { padding: .4rem .8rem .8rem; border-top: 1px solid var(--line); }
        .envelope table { width: auto; }
        .envelope th { width: 9rem; }
        .envelope pre { margin: 0; white-space: pre-wrap; }
        .columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 1.2rem; align-items: start; }
        .panel { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
        .panel pre { white-space: pre-wrap; }
        #state-slider { width: 100%; }
        form.time-control { display: flex; flex-direction: column; gap: .2rem; margin: .6rem 0; }
        .read-models { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1rem; }
        .read-model h2 { margin-top: 0; font-family: ui-monospace, monospace; }
        .read-model.new { background: var(--new); }
        .read-model .scalar { font-size: 1.6rem; margin: .3rem 0; }
        .read-model table { width: auto; min-width: 50%; }
        svg.grid { width: 100%; max-width: 360px; display: block; margin: .5rem 0; }
        .timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
        .timeline li { position: relative; margin: 0 0 .9rem 1.2rem; }
        .timeline li::before { content: ""; position: absolute; left: -1.65rem; top: .35rem; width: .7rem; height: .7rem;
          border-radius: 50%; background: var(--accent); }
        .timeline li.step-reaction::before { background: #f0b400; }
        .timeline .events { margin: .3rem 0 0 .6rem; }
        .status-completed { color: var(--good); font-weight: 600; }
        .status-inProgress { color: var(--accent); }
        @media (max-width: 800px) { .columns { grid-template-columns: 1fr; } details.event > summary { grid-template-columns: 3rem 1fr; } }
        """#
}
