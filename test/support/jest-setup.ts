import { configure } from '@testing-library/dom';

// On a busy 2-core CI machine a render can take seconds: `waitFor` and `findBy…` poll up to 15 s instead of 1 s.
configure({ asyncUtilTimeout: 15_000 });
