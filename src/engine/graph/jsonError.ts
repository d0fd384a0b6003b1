/**
 * Finds where and why a text is not valid JSON. JSON.parse's messages differ between engines and
 * some name no position, so the file loader re-scans a failing text with this small checker.
 */
export function findJsonError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw { offset: at, message };
  };
  const show = (): string => (i >= text.length ? 'the end of the file' : `'${text[i]}'`);
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${show()}`);
  };
  const string = (): void => {
    i++;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\n') fail('a string is not closed before the end of the line');
      if (ch === '\\') {
        const esc = text[i + 1] ?? '';
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(esc) || esc === '') fail(`bad escape '\\${esc}' in a string`);
        i += 2;
        continue;
      }
      i++;
    }
    fail('a string is not closed before the end of the file');
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected ${show()}`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(ch === undefined ? 'unexpected end of the file: a value is missing' : `unexpected ${show()}: expected a value`);
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"')
        fail(
          text[i] === '}'
            ? "a comma before '}' (trailing commas are not allowed)"
            : `expected a "quoted" property name but found ${show()}`,
        );
      string();
      ws();
      if (text[i] !== ':') fail(`expected ':' after the property name but found ${show()}`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`expected ',' or '}' but found ${show()}`);
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === ']') fail("a comma before ']' (trailing commas are not allowed)");
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`expected ',' or ']' but found ${show()}`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${show()} after the end of the JSON value`);
    return null;
  } catch (e) {
    const err = e as { offset: number; message: string };
    if (typeof err?.offset !== 'number') throw e;
    return err;
  }
}
