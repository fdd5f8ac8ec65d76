// Progress for long ingests: a cli-progress bar on a terminal, plain periodic lines otherwise
// (CI logs and pipes get readable lines instead of carriage-return noise).

import cliProgress from 'cli-progress';

/** Reports files processed; `stop` clears the bar. */
export interface ProgressReporter {
  update(filesDone: number, filesTotal: number | undefined, documents: number): void;
  stop(): void;
}

/** A bar when `stream` is a TTY, otherwise a line every `every` files. */
export function createProgress(stream: NodeJS.WriteStream, every = 500): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: 'indexing [{bar}] {value}/{total} files | {documents} documents', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, documents) {
        if (!started) {
          bar.start(total ?? done, 0, { documents: 0 });
          started = true;
        }
        if (total !== undefined) bar.setTotal(total);
        bar.update(done, { documents });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  return {
    update(done, total, documents) {
      if (done % every === 0) stream.write(`indexed ${done}${total === undefined ? '' : `/${total}`} files, ${documents} documents\n`);
    },
    stop() {},
  };
}
