import { configure } from '@testing-library/preact';

// findBy*/waitFor give up after 1 s by default. On a busy two-core machine a live query's
// update can take longer than that; a real failure still fails, only later. Tests that render
// import Testing Library from here, so the setting holds wherever it is used.
configure({ asyncUtilTimeout: 5_000 });

export * from '@testing-library/preact';
