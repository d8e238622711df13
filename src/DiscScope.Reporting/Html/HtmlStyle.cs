namespace DiscScope.Reporting.Html;

/// <summary>The report's inline stylesheet: readable on a phone (fluid layout, horizontally scrolling tables) and printable.</summary>
public static class HtmlStyle
{
    public const string Css = """
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --warn: #9a6700; --warnbg: #fff8c5; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 12px; font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: var(--fg); }
h1 { font-size: 1.5rem; margin: 0.2em 0; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: 2px; } h3 { font-size: 1rem; }
.disclaimer { background: var(--warnbg); border: 1px solid var(--warn); padding: 8px 10px; border-radius: 4px; }
.alert { background: #ffebe9; border: 1px solid var(--bad); padding: 4px 10px; border-radius: 4px; }
.hint { color: var(--muted); font-size: 0.9em; }
dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 4px 16px; }
dt { font-weight: bold; font-size: 0.85em; color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
dl.methods { grid-template-columns: 1fr; } dl.methods dd { font-size: 0.9em; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
td.positive { font-weight: bold; } .out { color: var(--bad); font-weight: bold; }
tr.flagged th[scope=row] { background: var(--warnbg); }
.review { display: inline-block; background: var(--warnbg); color: var(--warn); border: 1px solid var(--warn); border-radius: 3px; padding: 0 4px; font-size: 0.8em; font-weight: bold; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 0.75em; overflow-wrap: anywhere; }
figure { margin: 0; } img { max-width: 100%; height: auto; }
#overview-image { display: block; max-height: 80vh; margin: 0 auto; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; border: 1px solid #0003; }
.swatch.v { background: #ffb020; } .swatch.d { background: #00dce6; } .swatch.c { background: #aa5aff; }
.thumbs { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
.thumbs h3 { flex-basis: 100%; margin: 8px 0 0; }
.thumb { width: 128px; } .thumb img { width: 128px; height: 128px; image-rendering: pixelated; border: 1px solid var(--line); }
.thumb figcaption { font-size: 0.8em; color: var(--muted); }
footer { margin-top: 24px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85em; }
@media (max-width: 640px) { body { font-size: 14px; padding: 8px; } th, td { padding: 3px 4px; } .thumb, .thumb img { width: 96px; height: auto; } }
@media print {
  body { max-width: none; font-size: 10pt; } .scroll { overflow: visible; } thead th { position: static; }
  section { break-inside: auto; } tr, figure, .thumbs { break-inside: avoid; } #overview-image { max-height: 22cm; }
  .disclaimer, .review { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}

""";
}
