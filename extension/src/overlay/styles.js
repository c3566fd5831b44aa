/**
 * The styles of Lede's own shadow root (cards, chip, side panel, and the fallback boxes
 * drawn where the Highlight API is missing). Adopted as a constructed sheet: a page's
 * `style-src` CSP does not apply to it, and no page rule reaches into a closed root.
 */
export const SHADOW_CSS = `
  :host { all: initial; }
  * { box-sizing: border-box; }
  .card {
    /* A fixed width: the host is 0×0, so shrink-to-fit would make every card its minimum. */
    position: absolute; width: min(24rem, calc(100vw - 16px));
    background: #fffdf8; color: #1d1d1f; border: 1px solid #c9c2b3; border-radius: 8px;
    box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px 10px;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left;
  }
  .card:focus-visible { outline: 2px solid #3b6fd8; outline-offset: 2px; }
  .card h2 { font-size: 16px; line-height: 1.3; margin: 0 28px 4px 0; font-weight: 650; }
  .card-flag h2 { font-size: 15px; }
  .card h3 { font-size: 12px; margin: 10px 0 2px; text-transform: uppercase; letter-spacing: .04em; color: #6b6456; font-weight: 600; }
  .card p { margin: 2px 0; }
  .card ul, .card ol { margin: 2px 0; padding-left: 1.2em; }
  .card li { margin: 3px 0; }
  .card .kind { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #7a7262; }
  .card .muted { color: #6b6456; }
  .card q { quotes: "\\201C" "\\201D"; font-style: italic; }
  .card button, .chip button, .panel button {
    font: inherit; font-size: 13px; color: #1f4fae; background: none; border: 1px solid transparent;
    border-radius: 4px; padding: 1px 4px; cursor: pointer; text-align: left;
  }
  .card button:hover, .panel button:hover { background: #eef2fb; }
  .card button:focus-visible, .chip button:focus-visible, .panel button:focus-visible { outline: 2px solid #3b6fd8; }
  .card .close { position: absolute; top: 6px; right: 6px; font-size: 18px; line-height: 1; color: #6b6456; padding: 2px 6px; }
  .card .actions { margin-top: 8px; }
  .chip {
    position: fixed; right: 12px; bottom: 12px; display: flex; align-items: center; gap: 4px;
    background: rgba(255,253,248,.94); color: #3d3a33; border: 1px solid #d8d1c2; border-radius: 999px;
    padding: 3px 6px 3px 10px; font: 12px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.12);
    max-width: calc(100vw - 24px);
  }
  .chip.beside-panel { right: calc(min(22rem, 100vw - 24px) + 12px); }
  .chip .text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .chip button { font-size: 12px; padding: 0 4px; }
  .chip.error { border-color: #d99; color: #8a1f1f; }
  .panel {
    position: fixed; top: 0; right: 0; bottom: 0; width: min(22rem, calc(100vw - 24px)); overflow: auto;
    background: #fffdf8; color: #1d1d1f; border-left: 1px solid #c9c2b3; padding: 0 12px 56px;
    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; box-shadow: -4px 0 24px rgba(0,0,0,.16);
    text-align: left;
  }
  .panel:focus-visible { outline: 2px solid #3b6fd8; outline-offset: -2px; }
  .panel-head { position: sticky; top: 0; background: #fffdf8; display: flex; align-items: center; padding: 10px 0 6px; border-bottom: 1px solid #e4ddcf; }
  .panel-head h2 { font-size: 15px; margin: 0; flex: 1; font-weight: 650; }
  .panel-head .close { font-size: 18px; line-height: 1; color: #6b6456; padding: 2px 6px; }
  .panel h3 { font-size: 11px; margin: 14px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #6b6456; font-weight: 600; }
  .panel h4 { font-size: 12px; margin: 8px 0 2px; font-weight: 600; }
  .panel ul, .panel ol { list-style: none; margin: 0; padding: 0; }
  .panel .entry { display: block; width: 100%; padding: 3px 4px; color: #1d1d1f; }
  .panel .entry .label { display: block; color: #1f4fae; }
  .panel .entry .detail { display: block; font-size: 12px; color: #6b6456; }
  .panel .when { margin: 6px 0 0; }
  .panel .when > .date { display: block; font-weight: 600; font-size: 12px; padding-left: 4px; border-left: 3px solid #248f48; }
  .panel .when ul { margin-left: 7px; }
  .panel .muted { color: #6b6456; margin: 2px 4px; }
  /* Fallback drawing where the Highlight API is missing: boxes over the text, never over a click. */
  .layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
  .box { position: absolute; pointer-events: none; border-radius: 1px; }
  .box.lede-person { background: rgba(255,190,60,.14); border-bottom: 2px solid #c36f00; }
  .box.lede-person-mentioned { background: rgba(255,190,60,.07); border-bottom: 2px dotted #c36f00; }
  .box.lede-quote { background: rgba(70,130,235,.14); border-bottom: 3px double #4b79d4; }
  .box.lede-time { background: rgba(50,170,90,.14); border-bottom: 2px dashed #248f48; }
  .box.lede-flag { background: rgba(230,60,60,.14); border-bottom: 2px solid #d64646; outline: 1px dashed #d64646; }
  .contrast .box.lede-person { background: #ffd766; border-bottom: 3px solid #000; mix-blend-mode: multiply; }
  .contrast .box.lede-person-mentioned { background: #fff0c2; border-bottom: 3px dotted #000; mix-blend-mode: multiply; }
  .contrast .box.lede-quote { background: #cfe0ff; border-bottom: 3px double #000; mix-blend-mode: multiply; }
  .contrast .box.lede-time { background: #c8f0d2; border-bottom: 3px dashed #000; mix-blend-mode: multiply; }
  .contrast .box.lede-flag { background: #ffc9c9; border-bottom: 3px solid #000; outline: 1px dashed #000; mix-blend-mode: multiply; }
  .box.lede-focus { background: rgba(255,230,0,.55); }
  [hidden] { display: none !important; }
`;
