// Worker-thread entry of a training run (run-training.ts starts it): the CPU-heavy part stays off the
// thread that answers requests. Receives the examples and the active pair in workerData, posts back
// the result or the error's message.
import { parentPort, workerData } from "node:worker_threads";
import { type ActivePair, NotEnoughTrainingData, type RoutingExample, trainRouting } from "./train-routing.ts";

interface Input {
  examples: RoutingExample[];
  active: ActivePair | null;
}

const input = workerData as Input;
try {
  const result = trainRouting(input.examples, input.active);
  parentPort?.postMessage({ ok: true, result });
} catch (err) {
  parentPort?.postMessage({
    ok: false,
    notEnoughData: err instanceof NotEnoughTrainingData,
    message: err instanceof Error ? err.message : String(err),
  });
}
