/**
 * A scope parser that hands out one frozen list per distinct wire string. A client sends the same scope
 * string with each token request, and every token keeps its list for its whole life: sharing the list
 * spares an array and its strings per token, which the garbage collector would otherwise copy while the
 * token is young. Past `limit` distinct strings, lists are parsed afresh (and still frozen).
 */
export function sharedScopeLists(
  parse: (value: string) => string[],
  limit = 256,
): (value: string) => readonly string[] {
  const lists = new Map<string, readonly string[]>();
  return (value) => {
    let list = lists.get(value);
    if (list === undefined) {
      list = Object.freeze(parse(value));
      if (lists.size < limit) lists.set(value, list);
    }
    return list;
  };
}
