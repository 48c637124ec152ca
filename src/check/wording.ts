// Findings put into words once per distinct message: the rendering step of a run with many findings.
import { render, type MessageLanguage, type Text } from '../i18n/messages.js';
import { clipMessage } from './clip.js';

/**
 * Texts put into words in the run's language, clipped: thousands of findings of a network say the
 * same few things (a road map with no endorsement, an objective without indicators), and each
 * rendering through ICU MessageFormat costs more than looking the words up.
 */
export function wording(language: MessageLanguage): (text: Text) => string {
  const said = new Map<string, string>();
  return (text) => {
    const key = textKey(text);
    if (key === undefined) return clipMessage(render(language, text), language);
    let words = said.get(key);
    if (words === undefined) said.set(key, (words = clipMessage(render(language, text), language)));
    return words;
  };
}

/**
 * A key that tells Texts apart by id and values, each part written with its length so that no two
 * Texts share one; undefined for a Text holding a list, another Text or -0, which are rendered each time.
 */
export function textKey(text: Text): string | undefined {
  let key = `${text.id.length}:${text.id}`;
  const values = text.values;
  if (values === undefined) return key;
  for (const name of Object.keys(values)) {
    const value = values[name];
    if (typeof value === 'string') key += `${name.length}:${name}s${value.length}:${value}`;
    else if (typeof value === 'number' && !Object.is(value, -0)) key += `${name.length}:${name}n${value}|`;
    else return undefined;
  }
  return key;
}
