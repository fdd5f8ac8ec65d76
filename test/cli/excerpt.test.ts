import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { excerpt } from '../../src/cli/excerpt.js';

const body = [
  'New silos and a rail loop let the terminal handle Central Asian wheat and South American soybeans at the same time',
  'The bulk grain terminal at the port of Qingdao has brought 24 new steel silos into service, doubling its storage capacity to 960,000 tonnes just before the peak season for soybean imports.',
  'Officials said the expansion cost 1.2 billion yuan and was finished two months early. More silos are planned for 2025, when a second rail loop opens to the west of the terminal.',
].join('\n\n');

test('an excerpt starts where a sentence or paragraph does, not a few words before the match', () => {
  const text = excerpt(body, 'port capacity', 140);
  assert.ok(text.startsWith('…The bulk grain terminal at the port'), text);
  assert.ok(text.endsWith('…'), text);
  assert.not.match(text, /\n/);
});

test('a match near the end moves the window back to fill it; an abbreviation starts no sentence', () => {
  const long = 'The company reported results on Monday and analysts expected a strong quarter for shipping. '.repeat(4);
  const late = excerpt(`${long}Port traffic rose.`, 'port', 200);
  assert.ok(late.endsWith('shipping. Port traffic rose.'), late);
  assert.ok(late.startsWith('…The company reported'), late);
  const filler = 'x'.repeat(30);
  const abbreviated = excerpt(`${'Lead words go here. '.repeat(12)}${filler} Dr. Smith said the port was busy and more words follow here.`, 'port', 60);
  assert.not.ok(abbreviated.startsWith('…Smith'), abbreviated);
});

test('with no query word in the body the excerpt is its lead; a short body is given whole', () => {
  const lead = excerpt(body, 'ferry', 80);
  assert.ok(lead.startsWith('New silos and a rail loop'), lead);
  assert.ok(lead.endsWith('…'));
  assert.is(excerpt('Port opens.\n\nShips queue.', 'port', 200), 'Port opens. Ships queue.');
  assert.is(excerpt('', 'port', 200), '');
  assert.is(excerpt('Mr. Li said exports rose. Shipments through the port rose.', 'port', 200), 'Mr. Li said exports rose. Shipments through the port rose.');
});

test.run();
