/** The dashboard's stylesheet, served as /__sandbox/dashboard/app.css (no build step). */
export const dashboardStyle = `
:root{--fg:#1b1d22;--muted:#5d6370;--line:#dde1e8;--bg:#f6f7f9;--card:#fff;--accent:#2b4fd9;--focus:#f5a623;
--ok:#17803d;--warn:#9a6200;--bad:#b3261e;--gray:#60646c}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{padding:0 1.25rem 3rem;max-width:110rem;margin:0 auto}
h1{font-size:1.25rem;margin:0}h2{font-size:1.05rem;margin:1.6rem 0 .6rem}h3{font-size:.95rem;margin:0 0 .4rem}
code{font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
a{color:var(--accent)}
.muted{color:var(--muted)}
.top{display:flex;gap:1rem;align-items:center;padding:.8rem 1.25rem;background:var(--card);border-bottom:1px solid var(--line);flex-wrap:wrap}
.top form{display:flex;gap:.4rem;align-items:center;margin-left:auto}
.live{font-size:.8rem;padding:.15rem .55rem;border-radius:999px;border:1px solid var(--line)}
.live.on{color:var(--ok);border-color:var(--ok)}.live.off{color:var(--muted)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:2}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
button{font:inherit;padding:.4rem .85rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.small{padding:.15rem .55rem;font-size:.85rem;background:#fff;color:var(--accent)}
button.danger{border-color:var(--bad);background:var(--bad);color:#fff}
button.small.danger{background:#fff;color:var(--bad)}
button:disabled{opacity:.5;cursor:progress}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
input,select{font:inherit;padding:.3rem .4rem;border:1px solid var(--line);border-radius:5px;background:#fff}
.clock .now{font-size:1.1rem;margin:.2rem 0 .6rem}
#sandbox-clock{font:600 1.1rem ui-monospace,Menlo,monospace}
.buttons{display:flex;gap:.5rem;flex-wrap:wrap}
.notice{min-height:1.4em;margin:.8rem 0 0}.error{color:var(--bad)}
.inline-form{display:flex;gap:.6rem .9rem;flex-wrap:wrap;align-items:end}
.inline-form label{display:flex;flex-direction:column;gap:.15rem;font-size:.85rem;color:var(--muted)}
.providers{display:grid;grid-template-columns:repeat(auto-fill,minmax(34rem,1fr));gap:.8rem}
.provider{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.7rem .8rem}
.provider table{margin-bottom:.5rem}
.table-wrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
.provider .table-wrap{border:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.35rem .55rem;border-bottom:1px solid var(--line)}
th{font-size:.78rem;text-transform:uppercase;letter-spacing:.02em;color:var(--muted);background:#fafbfc}
tbody tr:last-child td{border-bottom:0}
tr:target{background:#fff8e1}
td.scopes{max-width:18rem}
td.actions{white-space:nowrap}
.count{font-weight:400;color:var(--muted);font-size:.9rem}
.status{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .5rem;border-radius:999px;border:1px solid}
.status-active{color:var(--ok)}.status-expired{color:var(--warn)}.status-revoked,.status-blocked{color:var(--bad)}
.status-consumed{color:var(--gray)}
.countdown{font-family:ui-monospace,Menlo,monospace;white-space:nowrap}
.http{font-weight:600}.http-2xx{color:var(--ok)}.http-3xx{color:var(--accent)}.http-4xx{color:var(--warn)}.http-5xx{color:var(--bad)}
details pre{max-width:48rem;max-height:24rem;overflow:auto;background:#f1f3f6;padding:.5rem;border-radius:6px;font-size:12px}
`;
