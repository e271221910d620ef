// The peer of `indexer bench embed --peer`: onnxruntime-node 1.30.0 (node_modules here, which the benchmark installs
// from package-lock.json) runs the same model.onnx on the very token-id batches the C# benchmark wrote, with the same
// threads, and does what the C# generator does around each run inside the timed loop: pads the batch to its longest
// row with a mask, and splits the output into one vector per norm.
//
// One process for the whole benchmark, so the model loads once and the C# side can interleave its passes with these
// under the same machine conditions. Protocol, one JSON object per line on stdout:
//   after loading and one untimed pass: {"version":"1.30.0","norms":N,"first":[…the first row's vector…]}
//   for each line "round" on stdin: one timed pass over all batches, {"seconds":S}
//   stdin closed: exit 0. Errors go to stderr with a non-zero exit code.
// Arguments: batches file, model.onnx, intra-op threads, input ids, attention mask and output names.
// Batches file, little-endian: "RLEC", int32 count, int64 padding id, then per batch int32 rows and per row
// int32 n, int64[n] token ids.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const require = createRequire(import.meta.url);
const ort = require("onnxruntime-node");

const [batchesPath, modelPath, threadsArg, inputIds, attentionMask, outputName] = process.argv.slice(2);
const threads = Number(threadsArg ?? 1);

const buffer = readFileSync(batchesPath);
if (buffer.toString("latin1", 0, 4) !== "RLEC") throw new Error(`${batchesPath} is not a batches file`);
let offset = 4;
const count = buffer.readInt32LE(offset); offset += 4;
const padding = buffer.readBigInt64LE(offset); offset += 8;
const batches = [];
for (let b = 0; b < count; b++) {
    const rows = buffer.readInt32LE(offset); offset += 4;
    const batch = [];
    for (let r = 0; r < rows; r++) {
        const n = buffer.readInt32LE(offset); offset += 4;
        batch.push(new BigInt64Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + offset + n * 8)));
        offset += n * 8;
    }
    batches.push(batch);
}

const norms = batches.reduce((sum, batch) => sum + batch.length, 0);

function feeds(batch) {
    const length = Math.max(1, ...batch.map((row) => row.length));
    const ids = new BigInt64Array(batch.length * length).fill(padding);
    const mask = new BigInt64Array(batch.length * length);
    batch.forEach((row, r) => {
        ids.set(row, r * length);
        mask.fill(1n, r * length, r * length + row.length);
    });
    return {
        [inputIds]: new ort.Tensor("int64", ids, [batch.length, length]),
        [attentionMask]: new ort.Tensor("int64", mask, [batch.length, length]),
    };
}

async function embed(batch) {
    const output = (await session.run(feeds(batch), [outputName]))[outputName];
    const dims = output.dims.at(-1);
    return batch.map((_, r) => output.data.slice(r * dims, (r + 1) * dims));
}

async function pass() {
    for (const batch of batches) {
        await embed(batch);
    }
}

const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ["cpu"],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionMode: "sequential",
});

// The first row's vector for the equality check, then one untimed pass, as the C# side warms up too.
const first = Array.from((await embed(batches[0]))[0]);
await pass();
console.log(JSON.stringify({ version: ort.env.versions?.common ?? "?", norms, first }));

for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== "round") throw new Error(`unknown command '${line}'; expected 'round'`);
    const start = performance.now();
    await pass();
    console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000 }));
}
