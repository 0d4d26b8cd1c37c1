/** The report page's stylesheet: a 1200 px reading column, a headline card, charts, tables. */
export const PAGE_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 20px 48px}
.headline{background:#fff;border-radius:10px;padding:22px 28px;border-left:8px solid #8a8f98;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.headline.tone-good{border-left-color:#2e7d32}.headline.tone-warn{border-left-color:#e08a2c}.headline.tone-bad{border-left-color:#c62828}
.kicker{margin:0 0 4px;font-size:14px;color:#555;text-transform:none;letter-spacing:.02em;overflow-wrap:anywhere}
h1{margin:0;font-size:30px;line-height:1.2}
.tone-good h1{color:#1b5e20}.tone-warn h1{color:#a35a00}.tone-bad h1{color:#b71c1c}
.detail{margin:6px 0 0;color:#444}
.stats{display:flex;flex-wrap:wrap;gap:12px 36px;margin:18px 0 0}
.stat dt{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#666}
.stat dd{margin:2px 0 0;font-size:18px;font-weight:600}
.stat .note{display:block;font-size:12px;font-weight:400;color:#666}
.diagnosis{margin:18px 0 0;padding:10px 14px;background:#f6f2e8;border-radius:6px;font-size:16px}
.diagnosis .label{display:block;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#666}
nav ol{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;margin:14px 0 0;padding:0;font-size:14px}
nav a{color:#1f4e89}
section{background:#fff;border-radius:10px;padding:18px 24px 20px;margin-top:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{margin:0 0 6px;font-size:20px}
h3{margin:16px 0 6px;font-size:16px}
.intro,.caption{margin:0 0 10px;color:#444;max-width:900px}
figure.chart{margin:14px 0 0;overflow-x:auto}
figure.chart figcaption{font-size:13px;color:#555;margin-top:4px;max-width:900px}
.vega{min-height:40px}
.vega.failed{color:#b71c1c;font-weight:600}
div.table{overflow-x:auto}
table{border-collapse:collapse;font-size:14px;min-width:480px}
th,td{text-align:left;padding:5px 14px 5px 0;border-bottom:1px solid #e3e5e8;vertical-align:top;overflow-wrap:anywhere}
th{font-weight:600;color:#333;overflow-wrap:normal}
td.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:normal}
.nobr{white-space:nowrap}
pre{background:#1d2330;color:#f4f5f7;padding:10px 14px;border-radius:6px;overflow-x:auto;font-size:13px;white-space:pre-wrap;overflow-wrap:anywhere}
footer{margin-top:24px;font-size:12px;color:#777}
.report-tooltip{position:fixed;z-index:10;pointer-events:none;background:rgba(255,255,255,.97);border:1px solid #bbb;border-radius:5px;padding:6px 9px;font-size:12px;box-shadow:0 2px 6px rgba(0,0,0,.15);max-width:360px}
.report-tooltip table{min-width:0;font-size:12px}
.report-tooltip td{padding:1px 10px 1px 0;border:0;font-family:inherit;font-size:12px}
.report-tooltip td:first-child{color:#666}
`;
