// Regenerates doctoc_emoji.inc and doctoc_lowercase.inc (run with Node 20 where doctoc 2.5.0 is
// installed under /tmp/doctoc: `npm install --prefix /tmp/doctoc doctoc@2.5.0`; then
// `node lib/parse/doctoc_tables.js` and copy /tmp/emoji_ranges.inc, /tmp/js_lowercase.inc here).
const er = require('/tmp/doctoc/node_modules/emoji-regex')();
function ranges(pred){const r=[];let s=-1;for(let c=0;c<=0x10FFFF;c++){if(c>=0xD800&&c<=0xDFFF){if(s>=0){r.push([s,c-1]);s=-1;}continue;}const p=pred(c);if(p&&s<0)s=c;if(!p&&s>=0){r.push([s,c-1]);s=-1;}}if(s>=0)r.push([s,0x10FFFF]);return r;}
const em = ranges(c=>{const s=String.fromCodePoint(c);const m=s.match(er);return m&&m[0]===s;});
const emPart = ranges(c=>{const s=String.fromCodePoint(c);const m=s.match(er);return !!m;});
console.error('emoji ranges', em.length, 'partial', emPart.length);
let out='// Generated from emoji-regex 10.6.0 (doctoc 2.5.0): code points that emoji-regex matches alone.\n';
out+= em.map(([a,b])=>`{0x${a.toString(16).toUpperCase()}, 0x${b.toString(16).toUpperCase()}},`).join('\n')+'\n';
require('fs').writeFileSync('/tmp/emoji_ranges.inc', out);
// lowercase
const lc=[];for(let c=0;c<=0x10FFFF;c++){if(c>=0xD800&&c<=0xDFFF)continue;const s=String.fromCodePoint(c);const l=s.toLowerCase();if(l!==s){const cps=[...l].map(x=>x.codePointAt(0));lc.push([c,cps]);}}
console.error('lower', lc.length, lc.filter(x=>x[1].length>1).map(x=>x[0].toString(16)+':'+x[1].map(y=>y.toString(16))));
// compress to runs: start,end,delta (stride 1 or 2)
const runs=[];for(const [c,cps] of lc){if(cps.length!==1)continue;const d=cps[0]-c;const last=runs[runs.length-1];
 if(last&&last.d===d&&((last.stride===0&&(c-last.e===1||c-last.e===2))||(c-last.e===last.stride))){if(last.stride===0)last.stride=c-last.e;last.e=c;}else runs.push({s:c,e:c,d,stride:0});}
console.error('runs',runs.length);
let o2='// Generated from Node 20 String.prototype.toLowerCase (doctoc 2.5.0 github mode): {first, last, delta, stride}.\n';
o2+=runs.map(r=>`{0x${r.s.toString(16).toUpperCase()}, 0x${r.e.toString(16).toUpperCase()}, ${r.d}, ${r.stride||1}},`).join('\n')+'\n';
require('fs').writeFileSync('/tmp/js_lowercase.inc', o2);
for (const t of ['👷🏼‍♀️x','🇺🇸','1️⃣','#️⃣','😀','©','©️','™','↔','↔️','🏴󠁧󠁢󠁳󠁣󠁴󠁿']) console.error(JSON.stringify(t), JSON.stringify(t.replace(er,'')));
