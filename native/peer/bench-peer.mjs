// The peer of `bench llm --peer`: node-llama-cpp 3.22.1 generating greedily with the same model, prompt
// length, generation length, context, batch and threads as the C# engine. Prints one JSON line.
import { getLlama, LlamaLogLevel } from "node-llama-cpp";

const [modelPath, promptArg, genArg, threadsArg] = process.argv.slice(2);
const promptTokens = Number(promptArg ?? 512);
const generateTokens = Number(genArg ?? 128);
const threads = Number(threadsArg ?? 0);

const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath });
const context = await model.createContext({
    contextSize: promptTokens + generateTokens + 64,
    batchSize: Math.max(512, promptTokens),
    sequences: 1,
    threads: threads > 0 ? threads : undefined,
});

// The same prose the C# benchmark uses, cut to the same number of tokens (plus BOS).
const sentence = "Статья 88. Работодатель обязан обеспечить безопасные условия труда. 88-бап. Жұмыс беруші еңбек қауіпсіздігін қамтамасыз етуге міндетті. ";
let text = sentence;
while (model.tokenize(text).length < promptTokens) text += sentence;
const prompt = model.tokenize(text).slice(0, Math.max(1, promptTokens - 1));
if (model.tokens.bos != null) prompt.unshift(model.tokens.bos);

const sequence = context.getSequence();
const start = performance.now();
let first = 0;
let count = 0;
for await (const token of sequence.evaluate(prompt, { temperature: 0 })) {
    void token;
    if (count === 0) first = performance.now();
    if (++count >= generateTokens) break;
}
const end = performance.now();

console.log(JSON.stringify({
    prompt_tokens: prompt.length,
    prompt_tps: prompt.length / ((first - start) / 1000),
    gen_tps: (count - 1) / ((end - first) / 1000),
    ttft_ms: first - start,
}));
await context.dispose();
await model.dispose();
