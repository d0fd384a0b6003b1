/**
 * The fixed part of every exported Python script: GoT Studio's template grammar, answer parsers,
 * answer readers and the built-in tasks' scorers, written in Python for the reference framework.
 * Kept in step with src/engine/prompts (render, parse, extract) and src/engine/tasks/*\/scoring.ts.
 */
export const PYTHON_RUNTIME = String.raw`# ---------------------------------------------------------------------------------------------
# GoT Studio runtime (generated): the prompt templates, answer parsers and task scorers of
# GoT Studio, in Python. Each operation below is a subclass of the framework's operation that
# records itself in ACTIVE before it runs, so one Prompter and one Parser can serve them all.
# ---------------------------------------------------------------------------------------------

ACTIVE = {"op": None, "inputs": [], "base": {}}
UNPARSEABLE_ERROR = 300


class TemplateError(Exception):
    pass


def fmt_json(v):
    """A value as JSON with a space after commas and colons, as GoT Studio's prompts show it."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, list):
        return "[" + ", ".join(fmt_json(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + fmt_json(x) for k, x in v.items()) + "}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return json.dumps(v, ensure_ascii=False)


def fmt_value(v):
    return v if isinstance(v, str) else fmt_json(v)


def render(nodes, state, inputs=None, branches=None, item=None):
    """Renders a compiled template: text, {{key}}, {{key|json}}, {{branches}}, {{#each inputs}}, {{@n}}."""
    out = []
    for node in nodes:
        kind = node[0]
        if kind == "text":
            out.append(node[1])
        elif kind == "index":
            out.append(str(item[1]) if item else "")
        elif kind == "branches":
            if branches is not None:
                out.append(str(branches))
            elif "branches" in state:
                out.append(fmt_value(state["branches"]))
            else:
                raise TemplateError("{{branches}} needs the number of branches, which only Generate provides")
        elif kind == "key":
            source = item[0] if item and node[1] in item[0] else state
            if node[1] not in source:
                raise TemplateError("the prompt uses {{%s}} but the state has no key '%s'" % (node[1], node[1]))
            out.append(fmt_json(source[node[1]]) if node[2] else fmt_value(source[node[1]]))
        elif kind == "each":
            if inputs is None:
                raise TemplateError("{{#each inputs}} is only available in Aggregate and combined Score prompts")
            for n, s in enumerate(inputs, 1):
                out.append(render(node[1], state, inputs, branches, (s, n)))
    return "".join(out)


def prompt_text(llm, state, inputs=None, branches=None):
    """The user message; a system prompt is put first (the framework sends one user message only)."""
    text = render(llm["prompt"], state, inputs, branches)
    if llm.get("system"):
        text = render(llm["system"], state, inputs, branches) + "\n\n" + text
    return text


def balanced_spans(text, open_ch, close_ch):
    spans, depth, start, quote, i = [], 0, -1, False, 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quote = False
        elif ch == '"' and depth > 0:
            quote = True
        elif ch == open_ch:
            if depth == 0:
                start = i
            depth += 1
        elif ch == close_ch and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append(text[start:i + 1])
        i += 1
    return spans


def first_json_object(text):
    for span in balanced_spans(text, "{", "}"):
        try:
            value = json.loads(span)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise ValueError('expected a JSON object like {"key": "value"}; found none')


NUMBER_RE = re.compile(r"(?:(?<![\w)\].])-)?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def as_number(s):
    x = float(s)
    return int(x) if x.is_integer() and "e" not in s.lower() and "." not in s else x


def last_number(text):
    found = NUMBER_RE.findall(text)
    return as_number(found[-1]) if found else None


def split_top_level(inner):
    parts, depth, quote, cur, i = [], 0, None, "", 0
    while i < len(inner):
        ch = inner[i]
        if quote:
            cur += ch
            if ch == "\\" and i + 1 < len(inner):
                i += 1
                cur += inner[i]
            elif ch == quote:
                quote = None
        else:
            if ch in "\"'":
                quote = ch
            if ch in "[{":
                depth += 1
            if ch in "]}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        i += 1
    parts.append(cur)
    return [p.strip() for p in parts]


def loose_item(raw):
    try:
        return json.loads(raw)
    except ValueError:
        m = re.fullmatch(r"'(.*)'", raw, re.S) or re.fullmatch(r'"(.*)"', raw, re.S)
        if m:
            return m.group(1)
        if raw.startswith("[") and raw.endswith("]"):
            return loose_list(raw)
        return raw


def loose_list(span):
    try:
        v = json.loads(span)
        if isinstance(v, list):
            return v
    except ValueError:
        pass
    inner = span[1:-1].strip()
    if inner == "":
        return []
    parts = split_top_level(inner)
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return [loose_item(p) for p in parts]


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def list_items(span, items):
    values = loose_list(span)
    if items == "any":
        return values
    if items == "strings":
        return [x if isinstance(x, str) else json.dumps(x) for x in values]
    out = []
    for x in values:
        if is_number(x):
            out.append(x)
        elif isinstance(x, str) and x.strip() != "":
            out.append(as_number(x.strip()))
        else:
            raise ValueError("expected a list of numbers")
    return out


def last_list(text, items):
    spans = balanced_spans(text, "[", "]")
    for span in reversed(spans):
        try:
            return list_items(span, items)
        except ValueError:
            continue
    raise ValueError("expected a bracketed list like [1, 2, 3]; found none")


def parse_updates(spec, text, inputs):
    kind = spec["kind"]
    if kind == "text":
        return [{spec["key"]: text.strip()}]
    if kind == "json":
        value = first_json_object(text)
        return [{spec["key"]: value} if spec.get("key") else value]
    if kind == "jsonParts":
        return [dict({spec["partKey"]: part}, **{k: value for k in spec["valueKeys"]}) for part, value in first_json_object(text).items()]
    if kind == "list":
        return [{spec["key"]: last_list(text, spec["items"])}]
    if kind == "number":
        n = last_number(text)
        if n is None:
            raise ValueError("expected a number; found none")
        return [{spec["key"]: n}]
    if kind == "regex":
        pattern = re.compile(spec["pattern"], spec["pyflags"])
        if spec["all"]:
            return [{spec["key"]: [m.group(spec["group"]) for m in pattern.finditer(text) if m.group(spec["group"]) is not None]}]
        m = pattern.search(text)
        if not m or m.group(spec["group"]) is None:
            raise ValueError("expected text matching /%s/; found none" % spec["pattern"])
        return [{spec["key"]: m.group(spec["group"])}]
    if kind == "function":
        return NAMED_PARSERS[spec["name"]](text, inputs)
    raise ValueError("unknown parser kind " + kind)


def parse_answer(spec, text, base, inputs):
    """A completion as state updates; a failed reading gives one thought flagged parse_error, as in GoT Studio."""
    try:
        updates = parse_updates(spec, text, inputs)
    except Exception as e:  # noqa: BLE001 - any failure to read an answer flags the thought
        return [{"parse_error": str(e)}]
    clear = {"parse_error": None} if base.get("parse_error") else {}
    return [dict(u, **spec.get("set", {}), **clear) for u in updates]


def read_answer(reader, texts):
    """Reads the completions of one scoring or validation request: a number, a list or a yes/no."""
    kind = reader["kind"]
    if kind == "number":
        found = [n for n in (last_number(t) for t in texts) if n is not None]
        return sum(found) / len(found) if found else None
    if kind == "regex":
        pattern = re.compile(reader["pattern"], reader["pyflags"])
        found = []
        for t in texts:
            m = pattern.search(t)
            try:
                found.append(float(m.group(1).strip()))
            except (AttributeError, TypeError, ValueError, IndexError):
                pass
        return sum(found) / len(found) if found else None
    if kind == "list":
        lists = []
        for t in texts:
            try:
                lists.append(last_list(t, "numbers"))
            except ValueError:
                pass
        if not lists:
            return None
        same = [l for l in lists if len(l) == len(lists[0])]
        return [sum(l[i] for l in same) / len(same) for i in range(len(lists[0]))]
    if kind == "yesNo":
        pattern = re.compile(reader.get("yes") or r"\b(yes|valid|correct|true)\b", re.I)
        return sum(1 for t in texts if pattern.search(t)) * 2 > len(texts)
    if kind == "function" and reader["name"] in NAMED_READERS:
        return NAMED_READERS[reader["name"]](texts)
    raise ValueError("answer reader %s has no Python counterpart" % reader.get("name", kind))


def aggregate_base(thoughts, concat_keys):
    """GoT Studio's aggregation base: input states laid over each other by ascending score, then the concatenated keys."""
    order = sorted(range(len(thoughts)), key=lambda i: (thoughts[i].score if thoughts[i].scored else -math.inf, i))
    base = {}
    for i in order:
        base.update(thoughts[i].state)
    for key in concat_keys:
        values = [t.state[key] for t in thoughts if key in t.state]
        if not values:
            continue
        if all(isinstance(v, str) for v in values):
            base[key] = "\n".join(values)
        else:
            base[key] = [x for v in values for x in (v if isinstance(v, list) else [v])]
    return base


def member(obj, key):
    """state.key in a filter expression: null when the key is absent."""
    return obj.get(key) if isinstance(obj, dict) else None


def at(obj, index):
    """obj[index] in a filter expression: null when out of range or absent."""
    if isinstance(obj, list) and is_number(index) and -len(obj) <= int(index) < len(obj):
        return obj[int(index)]
    return obj.get(index) if isinstance(obj, dict) else None


class StudioPrompter(Prompter):
    """Renders the prompt of the operation being executed (ACTIVE["op"])."""

    def generate_prompt(self, num_branches, **state):
        return prompt_text(ACTIVE["op"]["llm"], state, branches=num_branches)

    def aggregation_prompt(self, state_dicts, **kwargs):
        op = ACTIVE["op"]
        ACTIVE["base"] = aggregate_base(ACTIVE["inputs"], op.get("concatKeys", []))
        return prompt_text(op["llm"], ACTIVE["base"], inputs=state_dicts)

    def improve_prompt(self, **state):
        return prompt_text(ACTIVE["op"]["llm"], state)

    def validation_prompt(self, **state):
        return prompt_text(ACTIVE["op"]["check"], state)

    def score_prompt(self, state_dicts, **kwargs):
        op = ACTIVE["op"]
        if op.get("combined"):
            return prompt_text(op["check"], state_dicts[0] if state_dicts else {}, inputs=state_dicts)
        return prompt_text(op["check"], state_dicts[0])


class StudioParser(Parser):
    """Reads the answers of the operation being executed with its GoT Studio parser or reader."""

    def parse_generate_answer(self, state, texts):
        return [u for text in texts for u in parse_answer(ACTIVE["op"]["llm"]["parser"], text, state, [state])]

    def parse_aggregation_answer(self, states, texts):
        base = ACTIVE["base"]
        return [dict(base, **u) for text in texts for u in parse_answer(ACTIVE["op"]["llm"]["parser"], text, base, states)]

    def parse_improve_answer(self, state, texts):
        return parse_answer(ACTIVE["op"]["llm"]["parser"], texts[0], state, [state])[0] if texts else {}

    def parse_validation_answer(self, state, texts):
        value = read_answer(ACTIVE["op"]["check"]["reader"], texts)
        return bool(value) if isinstance(value, bool) else (is_number(value) and value > 0)

    def parse_score_answer(self, states, texts):
        value = read_answer(ACTIVE["op"]["check"]["reader"], texts)
        if isinstance(value, list):
            return [float(v) for v in value]
        if value is None:
            # GoT Studio leaves such a thought unscored; the framework needs a number.
            return [math.nan] * len(states)
        return [float(value)] * len(states)


class Tagged:
    """Mixin: records the operation's GoT Studio spec and inputs before the framework executes it."""

    def tagged(self, spec):
        self.studio = spec
        return self

    def _execute(self, lm, prompter, parser, **kwargs):
        ACTIVE["op"] = self.studio
        ACTIVE["inputs"] = self.get_previous_thoughts()
        super()._execute(lm, prompter, parser, **kwargs)


class Generate(Tagged, operations.Generate):
    pass


class Aggregate(Tagged, operations.Aggregate):
    pass


class Improve(Tagged, operations.Improve):
    pass


class Score(Tagged, operations.Score):
    pass


class ValidateAndImprove(Tagged, operations.ValidateAndImprove):
    pass


class KeepBestN(Tagged, operations.KeepBestN):
    pass


class KeepValid(Tagged, operations.KeepValid):
    pass


class GroundTruth(Tagged, operations.GroundTruth):
    pass


class Selector(Tagged, operations.Selector):
    pass


# --- Built-in task functions (GoT Studio's src/engine/tasks), on a thought's state ------------

def number_list(v):
    return v if isinstance(v, list) and all(is_number(x) for x in v) else None


def first_list(*values):
    """The first value that is a list of numbers (None when none is)."""
    return next((v for v in map(number_list, values) if v is not None), None)


def unparseable(state, answer):
    return bool(state.get("parse_error")) or answer is None


def sorting_error(state):
    answer = number_list(state.get("current"))
    if unparseable(state, answer):
        return UNPARSEABLE_ERROR
    reference = first_list(state.get("unsortedSublist"), state.get("original"))
    if reference is None:
        raise ValueError('the thought has no "original" list of numbers to compare with')
    error = sum(abs(answer.count(v) - reference.count(v)) for v in set(answer) | set(reference))
    return error + sum(1 for a, b in zip(answer, answer[1:]) if a > b)


def sorting_solved(state):
    answer = number_list(state.get("current"))
    original = number_list(state.get("original"))
    if original is None:
        raise ValueError('the thought has no "original" list of numbers')
    return not unparseable(state, answer) and answer == sorted(original)


def intersection_error_of(answer, truth):
    distinct = set(answer)
    return len(truth - distinct) + len(distinct - truth) + (len(answer) - len(distinct))


def set_intersection_error(state):
    answer = number_list(state.get("current"))
    if unparseable(state, answer):
        return UNPARSEABLE_ERROR
    set1 = number_list(state.get("set1"))
    set2 = first_list(state.get("set2Part"), state.get("set2"))
    if set1 is None or set2 is None:
        raise ValueError('the thought has no "set1" and "set2" lists of numbers')
    return intersection_error_of(answer, set(set2) & set(set1))


def set_intersection_solved(state):
    answer = number_list(state.get("current"))
    set1, set2 = number_list(state.get("set1")), number_list(state.get("set2"))
    if set1 is None or set2 is None:
        raise ValueError('the thought has no "set1" and "set2" lists of numbers')
    return not unparseable(state, answer) and intersection_error_of(answer, set(set2) & set(set1)) == 0


def as_tally(v):
    if not isinstance(v, dict) or not all(is_number(x) for x in v.values()):
        return None
    return v


def count_mentions(text, name):
    return len(re.findall(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", text))


def tally_error(predicted, truth):
    return sum(abs(truth.get(c, 0) - predicted.get(c, 0)) for c in set(predicted) | set(truth))


def whole_text_truth(state):
    names = state.get("groundTruthCountries")
    if not isinstance(names, list):
        raise ValueError('the thought has no "groundTruthCountries" list')
    truth = {}
    for name in names:
        truth[name] = truth.get(name, 0) + 1
    return truth


def keyword_counting_error(state):
    predicted = as_tally(state.get("current"))
    if unparseable(state, predicted):
        return UNPARSEABLE_ERROR
    passage = state.get("passage")
    if not isinstance(passage, str):
        return tally_error(predicted, whole_text_truth(state))
    truth = {}
    for name in set(whole_text_truth(state)):
        n = count_mentions(passage, name)
        if n > 0:
            truth[name] = n
    return tally_error(predicted, truth)


def keyword_counting_solved(state):
    predicted = as_tally(state.get("current"))
    return not unparseable(state, predicted) and tally_error(predicted, whole_text_truth(state)) == 0


def merge_tallies(text, inputs):
    tally = None
    start, end = text.find("{"), text.rfind("}")
    if start >= 0 and end > start:
        try:
            tally = as_tally(json.loads(text[start:end + 1]))
        except ValueError:
            tally = None
    if tally is None:
        raise ValueError("expected a JSON object of country counts")
    update = {"current": tally, "addends": [as_tally(s.get("current")) or {} for s in inputs]}
    passages = [s["passage"] for s in inputs if isinstance(s.get("passage"), str)]
    if passages and len(passages) == len(inputs):
        update["passage"] = " ".join(passages)
    return [update]


def tally_sums_match(state):
    addends = state.get("addends")
    if not isinstance(addends, list):
        raise ValueError('the thought has no "addends": it is not a merged tally')
    merged = as_tally(state.get("current"))
    if unparseable(state, merged):
        return False
    total = {}
    for addend in addends:
        for c, n in (as_tally(addend) or {}).items():
            total[c] = total.get(c, 0) + n
    return all(total.get(c, 0) == merged.get(c, 0) for c in set(total) | set(merged))


def doc_merge_score(texts):
    """Redundancy and retained information (0-10) averaged over the samples that give both, then their harmonic mean."""
    pairs = []
    for text in texts:
        found = [re.search(r"<%s>\s*(\d+(?:\.\d+)?)\s*</%s>" % (tag, tag), text, re.I) for tag in ("Redundancy", "Retained")]
        if all(found):
            pairs.append([min(10.0, max(0.0, float(m.group(1)))) for m in found])
    if not pairs:
        return None
    redundancy = sum(p[0] for p in pairs) / len(pairs)
    retained = sum(p[1] for p in pairs) / len(pairs)
    return 0.0 if redundancy + retained == 0 else 2 * redundancy * retained / (redundancy + retained)


NAMED_PARSERS = {"keywordCounting.mergeTallies": merge_tallies}
NAMED_READERS = {"docMerge.score": doc_merge_score}
TASK_FUNCTIONS = {
    "sorting.error": sorting_error,
    "sorting.solved": sorting_solved,
    "setIntersection.error": set_intersection_error,
    "setIntersection.solved": set_intersection_solved,
    "keywordCounting.error": keyword_counting_error,
    "keywordCounting.solved": keyword_counting_solved,
    "keywordCounting.sumsMatch": tally_sums_match,
}
`;
