// Bundled into the render bench's page: the fixture client, every element (from the repo's sources) and
// the measurement.
import { createFixtureClient, fixtureUser } from '@confab/core/fixtures';
import '@confab/elements/all.js';
import { measureInPage } from './measure-in-page.js';

window.confabBench = { createFixtureClient, fixtureUser, measure: measureInPage };
