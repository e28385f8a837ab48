// Typst (the npm package @myriaddreamin/typst-ts-node-compiler) on a .typ
// file, for the benchmark: `node typst.js MODULES FILE.typ OUT.pdf` compiles
// it to OUT.pdf once (timed as a whole process from outside); with ROUNDS,
// it also compiles ROUNDS fresh documents in the same process (the file with
// a sentence of its own each, so that no round is a copy of another) and
// prints the median milliseconds per document. `--version` prints Typst's
// version. Fonts: the folders of FONT_DIRS (colon-separated).
// usage: node typst.js MODULES (--version | FILE.typ OUT.pdf [ROUNDS])
'use strict';
const fs = require('fs');
const path = require('path');
const { NodeCompiler } = require(path.join(process.argv[2], '@myriaddreamin/typst-ts-node-compiler'));

const fontPaths = (process.env.FONT_DIRS || '/usr/share/fonts/truetype').split(':');
const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontPaths }] });

function pdf(source) {
    const bytes = compiler.pdf({ mainFileContent: source });
    if (!bytes || bytes.length === 0)
        throw new Error('typst: no PDF');
    return bytes;
}

if (process.argv[3] === '--version') {
    // Typst says its own version through sys.version; read it back from the PDF's text
    // would need a reader, so compile a document that fails on a mismatch instead.
    for (const v of ['0.14', '0.13', '0.12', '0.11']) {
        try {
            pdf(`#assert(str(sys.version).starts-with("${v}"))`);
            console.log(v);
            process.exit(0);
        } catch (e) { /* another version */ }
    }
    console.log('unknown');
    process.exit(0);
}

const source = fs.readFileSync(process.argv[3], 'utf8');
fs.writeFileSync(process.argv[4], pdf(source));
const rounds = Number(process.argv[5] || 0);
if (rounds > 0) {
    const times = [];
    for (let i = 0; i < rounds; i++) {
        const fresh = source + `\n\nDokument nummer ${i + 1} i serien.\n`;
        const start = process.hrtime.bigint();
        pdf(fresh);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(times[Math.floor(times.length / 2)].toFixed(3));
}
