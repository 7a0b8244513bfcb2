import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  endingTagsHere,
  renderMjmlHere,
  validateMjmlHere,
} from './mjml-library.js';
import type { MjmlReply, MjmlRequest, MjmlThreadData } from './mjml-thread.js';
import { errorMessage } from '../support/error-message.js';

/*
 * The MJML thread (see mjml-thread.ts): loads MJML as soon as it starts,
 * then answers requests in order. Renders are answered on the worker's own
 * port; the checker's synchronous requests on the reply port, with the
 * shared flag raised for the thread that waits on it.
 */

const { signal, replies } = workerData as MjmlThreadData;
const flag = new Int32Array(signal);

/** What a request gives, or what it threw, in a form a message can carry. */
async function answer(request: MjmlRequest): Promise<MjmlReply> {
  try {
    switch (request.kind) {
      case 'ending-tags':
        return { value: [...endingTagsHere()] };
      case 'validate':
        return { value: validateMjmlHere(request.source) };
      case 'render':
        return { value: await renderMjmlHere(request.source) };
    }
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    const message = errorMessage(error);
    return {
      error: { message, errors: Array.isArray(errors) ? errors : undefined },
    };
  }
}

function replySynchronously(port: MessagePort, reply: MjmlReply): void {
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

parentPort?.on('message', (request: MjmlRequest & { id?: number }) => {
  void answer(request).then((reply) => {
    if (request.id === undefined) replySynchronously(replies, reply);
    else parentPort?.postMessage({ ...reply, id: request.id });
  });
});

// Loading MJML is most of the work of a build's templates; do it now, while
// the thread that started this one reads the YAML.
endingTagsHere();
