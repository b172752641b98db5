import { configure, getConfig, prettyDOM } from '@testing-library/preact';

// findBy*/waitFor give up after 1 s by default. On a busy two-core machine a live query's
// update can take longer than that; a real failure still fails, only later. Tests that render
// import Testing Library from here, so the settings hold wherever they are used.
configure({
  asyncUtilTimeout: 5_000,
  // A getBy* that finds nothing prints the page in its error. findBy*/waitFor make such an error
  // at every try (after each change to the page, and every 50 ms) and show only the last: the
  // page is printed when a message is read, not for every try.
  getElementError(message, container) {
    const error = new Error();
    error.name = 'TestingLibraryElementError';
    let text: string | undefined;
    Object.defineProperty(error, 'message', {
      get: () => (text ??= [message, `Ignored nodes: comments, ${getConfig().defaultIgnore}\n${prettyDOM(container)}`].filter(Boolean).join('\n\n')),
      // waitFor rewrites the message of the error it gives up with.
      set: (value: string) => (text = value),
      configurable: true,
    });
    return error;
  },
});

export * from '@testing-library/preact';
