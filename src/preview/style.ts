/** The style sheet of the preview pages, served as /style.css. */
export const styleSheet = `
:root {
  --ink: #1d2430;
  --muted: #5d6878;
  --line: #d9dee7;
  --paper: #ffffff;
  --ground: #f4f6f9;
  --accent: #2457c5;
  --good: #1e7b45;
  --good-soft: #e3f4ea;
  --bad: #b42318;
  --bad-soft: #fdecea;
  --warn: #8a5a00;
  --warn-soft: #fff4d6;
  --mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink);
  background: var(--ground);
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: var(--mono); font-size: 13px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 18px 0 8px; }
.lead { color: var(--muted); margin: 0 0 16px; }

header.top {
  display: flex; align-items: center; gap: 24px;
  padding: 10px 24px; background: var(--ink); color: #fff;
}
header.top .brand { font-weight: 700; letter-spacing: 0.02em; color: #fff; }
header.top nav { display: flex; gap: 18px; flex: 1; }
header.top nav a { color: #c9d3e6; }
header.top nav a.current { color: #fff; font-weight: 600; }
#live { width: 10px; height: 10px; border-radius: 50%; background: #9aa3b2; }
#live.connected { background: #3ccf7a; }

main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
.banner {
  border-radius: 8px; padding: 10px 14px; margin-bottom: 16px;
  border: 1px solid var(--line); background: var(--paper);
}
.banner.bad { border-color: #f3b8b2; background: var(--bad-soft); }
.banner.warn { border-color: #f0d48a; background: var(--warn-soft); }
.banner.good { border-color: #b5dfc4; background: var(--good-soft); }
.banner p { margin: 0; }

.card {
  background: var(--paper); border: 1px solid var(--line);
  border-radius: 8px; padding: 16px; margin-bottom: 16px;
}
.card > h3:first-child { margin-top: 0; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td {
  text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top;
}
th { font-size: 12px; text-transform: uppercase; color: var(--muted); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.pill {
  display: inline-block; padding: 0 8px; border-radius: 999px;
  font-size: 12px; border: 1px solid var(--line); background: var(--ground);
  white-space: nowrap;
}
.pill.pass { background: var(--good-soft); border-color: #b5dfc4; color: var(--good); }
.pill.fail { background: var(--bad-soft); border-color: #f3b8b2; color: var(--bad); }
.pill.held { background: var(--warn-soft); border-color: #f0d48a; color: var(--warn); }
.muted { color: var(--muted); }
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }

.diagnostic {
  border-left: 4px solid var(--bad); background: var(--paper);
  padding: 8px 12px; margin: 8px 0; border-radius: 0 6px 6px 0;
}
.diagnostic.warning { border-left-color: #d79b00; }
.diagnostic.info { border-left-color: var(--accent); }
.diagnostic .where { font-family: var(--mono); font-size: 13px; color: var(--muted); }
.diagnostic .severity { font-weight: 600; text-transform: capitalize; }
.diagnostic .severity.error { color: var(--bad); }
.diagnostic .severity.warning { color: var(--warn); }
.frame {
  margin: 6px 0 0; padding: 8px 10px; background: #f7f8fb;
  border: 1px solid var(--line); border-radius: 6px; overflow-x: auto;
  line-height: 1.45;
}
.frame .gutter { color: #98a1b0; user-select: none; }
.frame mark { background: #ffd2cc; color: inherit; border-bottom: 2px solid var(--bad); }
.diagnostic .note { margin: 4px 0 0; color: var(--muted); font-size: 14px; }

/* Journey diagram: nested boxes, top to bottom. */
.diagram {
  background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 20px; overflow-x: auto;
}
.flow { display: flex; flex-direction: column; align-items: center; }
.flow > * { position: relative; margin-top: 22px; }
.flow > *:first-child { margin-top: 0; }
.flow > * + *::before {
  content: ''; position: absolute; top: -22px; left: 50%;
  height: 22px; border-left: 2px solid #aab3c2;
}
.node {
  min-width: 220px; max-width: 360px; padding: 8px 12px; text-align: center;
  border: 1px solid #b9c2d0; border-radius: 8px; background: #fff;
  box-shadow: 0 1px 0 rgba(0, 0, 0, 0.04);
}
.node .kind {
  display: block; font-size: 11px; font-weight: 700; letter-spacing: 0.06em;
  text-transform: uppercase; color: var(--muted);
}
.node .id { display: block; font-family: var(--mono); font-size: 11px; color: #98a1b0; }
.node code { white-space: pre-wrap; word-break: break-word; }
.node.entry { background: #eaf1ff; border-color: #9db8ef; }
.node.send { background: #f2f7ff; }
.node.send.sms { background: #f4f1ff; }
.node.wait { background: #fffaf0; border-style: dashed; }
.node.decide { background: #fff7e6; border-color: #e7c36b; }
.node.update { background: #f5f5f5; }
.node.exit, .node.done {
  min-width: 0; border-radius: 999px; padding: 4px 14px; font-size: 13px;
}
.node.exit { background: var(--bad-soft); border-color: #f3b8b2; }
.node.done { background: var(--good-soft); border-color: #b5dfc4; }
.fork { display: flex; flex-direction: column; align-items: center; }
.paths { display: flex; gap: 18px; align-items: flex-start; margin-top: 22px; position: relative; }
.path {
  display: flex; flex-direction: column; align-items: center;
  border: 1px dashed #c7cedb; border-radius: 10px; padding: 10px; position: relative;
}
.path::before {
  content: ''; position: absolute; top: -22px; left: 50%;
  height: 22px; border-left: 2px solid #aab3c2;
}
.path > .label { margin-bottom: 10px; }
.path > .label.untaken { border-style: dashed; color: var(--muted); background: #fff; }
.path > .label.untaken::after { content: ' · no fixture'; }
.node.send.untaken { border-style: dashed; }
.journey-facts { margin-bottom: 16px; }

/* Email and SMS previews. */
.previews { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.device {
  background: var(--paper); border: 1px solid var(--line);
  border-radius: 10px; padding: 10px;
}
.device h3 { margin: 0 0 8px; }
.device iframe { display: block; border: 1px solid var(--line); background: #fff; height: 640px; }
.device.desktop iframe { width: 640px; }
.device.mobile iframe { width: 375px; }
.envelope dd { font-weight: 600; }
pre.text {
  white-space: pre-wrap; background: var(--paper); border: 1px solid var(--line);
  border-radius: 8px; padding: 12px; max-width: 760px;
}
.sms-bubble {
  max-width: 360px; background: #e9f0ff; border-radius: 18px 18px 18px 4px;
  padding: 10px 14px; white-space: pre-wrap; font: inherit; margin: 0;
}
form.member { margin: 8px 0 16px; display: flex; gap: 8px; align-items: center; }
select, button { font: inherit; padding: 4px 8px; }

/* Fixture timelines. */
.timeline td.when { white-space: nowrap; font-family: var(--mono); font-size: 13px; }
.timeline tr.way td { color: var(--muted); font-size: 14px; }
.timeline tr.way td.what { padding-left: 28px; }

/* Pressure chart. */
.chart { width: 100%; max-width: 760px; }
.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.chart .axis { stroke: #aab3c2; }
.chart .grid { stroke: #e6e9ef; }
.chart .bar-all { fill: #2457c5; }
.chart .bar-marketing { fill: #7fa3e8; }
.chart .limit { stroke: var(--bad); stroke-dasharray: 4 3; }
`;
