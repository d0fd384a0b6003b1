#!/usr/bin/env python3
"""Sorting 32 numbers · GoT: exported from GoT Studio for the graph_of_thoughts reference framework.

Run it with the framework on PYTHONPATH (see its RUNNING.md):
    OPENAI_API_KEY=... [OPENAI_BASE_URL=http://127.0.0.1:8787/v1] [GOT_MODEL_ID=...] python3 this_script.py [output.json]
It runs the graph once on the input state below and writes Controller.output_graph to output.json
(by default next to the script), which GoT Studio opens with File > Open.
"""
import json
import math
import os
import re
import sys
import tempfile

from graph_of_thoughts import controller, language_models, operations
from graph_of_thoughts.parser import Parser
from graph_of_thoughts.prompter import Prompter

# Everything in this graph has a counterpart in the framework.

# ---------------------------------------------------------------------------------------------
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


# --- This graph ---------------------------------------------------------------------------

# The ChatGPT config: the key comes from OPENAI_API_KEY, the endpoint from OPENAI_BASE_URL (read by the openai client).
LM_CONFIG = json.loads("{\"chatgpt\":{\"model_id\":\"gpt-4o-mini\",\"prompt_token_cost\":0,\"response_token_cost\":0,\"temperature\":1,\"max_tokens\":4096,\"stop\":null,\"organization\":\"\",\"api_key\":\"\"}}")
LM_CONFIG["chatgpt"]["model_id"] = os.environ.get("GOT_MODEL_ID", LM_CONFIG["chatgpt"]["model_id"])

# The input state (the root thought).
INPUT_STATE = json.loads("{\"original\":[0,0,5,9,0,7,9,9,1,2,6,1,1,9,0,1,3,5,2,3,5,6,0,2,7,4,6,2,9,7,5,9],\"current\":[0,0,5,9,0,7,9,9,1,2,6,1,1,9,0,1,3,5,2,3,5,6,0,2,7,4,6,2,9,7,5,9]}")

# Each operation's GoT Studio prompts (compiled templates), parser and answer reader.
OPS = json.loads("{\"split\":{\"id\":\"split\",\"type\":\"generate\",\"llm\":{\"prompt\":[[\"text\",\"Cut the input list into consecutive parts: 2 lists of 16 numbers each, keeping the numbers in their original order. Do not sort anything yet.\\nReply with a JSON object whose keys are \\\"List 1\\\", \\\"List 2\\\" and whose values are the lists, and nothing else.\\n\\nExample (an input of 8 numbers cut into 2 lists of 4)\\nInput: [4, 0, 8, 2, 2, 9, 1, 4]\\nOutput: {\\\"List 1\\\": [4, 0, 8, 2], \\\"List 2\\\": [2, 9, 1, 4]}\\n\\nInput: \"],[\"key\",\"current\",false],[\"text\",\"\\nOutput:\"]],\"parser\":{\"kind\":\"jsonParts\",\"partKey\":\"part\",\"valueKeys\":[\"current\",\"unsortedSublist\"]}}},\"select-1\":{\"id\":\"select-1\",\"type\":\"selector\"},\"solve-1\":{\"id\":\"solve-1\",\"type\":\"generate\",\"llm\":{\"prompt\":[[\"text\",\"Put the numbers of the input list in ascending order. Every number is a digit from 0 to 9 and may repeat. The answer must contain exactly the numbers of the input, each as many times as it occurs there; only their order changes.\\nReply with the sorted list only, written like [0, 1, 1, 2], and nothing else.\\n\\nExample\\nInput: [4, 0, 8, 2, 2, 9, 1, 4]\\nOutput: [0, 1, 2, 2, 4, 4, 8, 9]\\n\\nInput: \"],[\"key\",\"current\",false],[\"text\",\"\\nOutput:\"]],\"parser\":{\"kind\":\"list\",\"key\":\"current\",\"items\":\"numbers\"}}},\"score-1\":{\"id\":\"score-1\",\"type\":\"score\",\"combined\":false},\"keep-best-1\":{\"id\":\"keep-best-1\",\"type\":\"keepBestN\"},\"select-2\":{\"id\":\"select-2\",\"type\":\"selector\"},\"solve-2\":{\"id\":\"solve-2\",\"type\":\"generate\",\"llm\":{\"prompt\":[[\"text\",\"Put the numbers of the input list in ascending order. Every number is a digit from 0 to 9 and may repeat. The answer must contain exactly the numbers of the input, each as many times as it occurs there; only their order changes.\\nReply with the sorted list only, written like [0, 1, 1, 2], and nothing else.\\n\\nExample\\nInput: [4, 0, 8, 2, 2, 9, 1, 4]\\nOutput: [0, 1, 2, 2, 4, 4, 8, 9]\\n\\nInput: \"],[\"key\",\"current\",false],[\"text\",\"\\nOutput:\"]],\"parser\":{\"kind\":\"list\",\"key\":\"current\",\"items\":\"numbers\"}}},\"score-2\":{\"id\":\"score-2\",\"type\":\"score\",\"combined\":false},\"keep-best-2\":{\"id\":\"keep-best-2\",\"type\":\"keepBestN\"},\"merge-1-1\":{\"id\":\"merge-1-1\",\"type\":\"aggregate\",\"llm\":{\"prompt\":[[\"text\",\"Merge the two sorted lists into one sorted list. Both lists are already sorted in ascending order. Walk through them together and always take the smaller front number, so that every number of both lists appears exactly once in the result.\\nReply with the merged list only, written like [0, 1, 1, 2], and nothing else.\\n\\nExample\\nList 1: [0, 2, 4, 8]\\nList 2: [1, 2, 4, 9]\\nOutput: [0, 1, 2, 2, 4, 4, 8, 9]\\n\"],[\"each\",[[\"text\",\"\\nList \"],[\"index\"],[\"text\",\": \"],[\"key\",\"current\",false]]],[\"text\",\"\\nOutput:\"]],\"parser\":{\"kind\":\"list\",\"key\":\"current\",\"items\":\"numbers\",\"set\":{\"unsortedSublist\":null}}},\"concatKeys\":[\"unsortedSublist\"]},\"merge-score-1-1\":{\"id\":\"merge-score-1-1\",\"type\":\"score\",\"combined\":false},\"merge-best-1-1\":{\"id\":\"merge-best-1-1\",\"type\":\"keepBestN\"},\"refine-1-1\":{\"id\":\"refine-1-1\",\"type\":\"generate\",\"llm\":{\"prompt\":[[\"text\",\"This attempt to sort the input list has mistakes: some numbers may be missing, repeated too often, or out of order. Compare it with the input list, count how often each digit occurs in the input, and write the corrected sorted list. Every number is a digit from 0 to 9 and may repeat. The answer must contain exactly the numbers of the input, each as many times as it occurs there; only their order changes.\\nReply with the corrected list only, written like [0, 1, 1, 2], and nothing else.\\n\\nExample\\nInput: [4, 0, 8, 2, 2, 9, 1, 4]\\nAttempt: [0, 1, 2, 4, 4, 9, 8]\\nOutput: [0, 1, 2, 2, 4, 4, 8, 9]\\n\\nInput: \"],[\"key\",\"original\",false],[\"text\",\"\\nAttempt: \"],[\"key\",\"current\",false],[\"text\",\"\\nOutput:\"]],\"parser\":{\"kind\":\"list\",\"key\":\"current\",\"items\":\"numbers\"}}},\"refine-score-1-1\":{\"id\":\"refine-score-1-1\",\"type\":\"score\",\"combined\":false},\"best-1-1\":{\"id\":\"best-1-1\",\"type\":\"keepBestN\"},\"ground-truth\":{\"id\":\"ground-truth\",\"type\":\"groundTruth\"}}")

def unsupported(why):
    """Stands in for a function GoT Studio could not export; fails loudly when the graph reaches it."""
    def fail(*args, **kwargs):
        raise NotImplementedError(why)
    return fail


def truthy(v):
    return len(v) > 0 if isinstance(v, (list, dict, str)) else bool(v)


class StateThought:
    """A scorer or validator expression sees a state; this gives it the Thought's shape."""

    def __init__(self, state):
        self.state = state
        self.score, self.scored, self.valid, self.validated = 0.0, False, False, False
        self.solved, self.compared_to_ground_truth, self.id = False, False, None


def build_graph():
    graph = operations.GraphOfOperations()

    # Split into 2 lists of 16 (generate)
    op_split = Generate(num_branches_prompt=1, num_branches_response=1).tagged(OPS["split"])
    graph.add_operation(op_split)

    # Pick List 1 (selector)
    op_select_1 = Selector(lambda thoughts: [t for t in thoughts if truthy((member(t.state, "part") == "List 1"))]).tagged(OPS["select-1"])
    op_select_1.add_predecessor(op_split)
    graph.add_operation(op_select_1)

    # Solve List 1 (5 tries) (generate)
    op_solve_1 = Generate(num_branches_prompt=1, num_branches_response=5).tagged(OPS["solve-1"])
    op_solve_1.add_predecessor(op_select_1)
    graph.add_operation(op_solve_1)

    # Score List 1 (score)
    op_score_1 = Score(num_samples=1, combined_scoring=False, scoring_function=TASK_FUNCTIONS["sorting.error"]).tagged(OPS["score-1"])
    op_score_1.add_predecessor(op_solve_1)
    graph.add_operation(op_score_1)

    # Keep the best of List 1 (keepBestN)
    op_keep_best_1 = KeepBestN(1, higher_is_better=False).tagged(OPS["keep-best-1"])
    op_keep_best_1.add_predecessor(op_score_1)
    graph.add_operation(op_keep_best_1)

    # Pick List 2 (selector)
    op_select_2 = Selector(lambda thoughts: [t for t in thoughts if truthy((member(t.state, "part") == "List 2"))]).tagged(OPS["select-2"])
    op_select_2.add_predecessor(op_split)
    graph.add_operation(op_select_2)

    # Solve List 2 (5 tries) (generate)
    op_solve_2 = Generate(num_branches_prompt=1, num_branches_response=5).tagged(OPS["solve-2"])
    op_solve_2.add_predecessor(op_select_2)
    graph.add_operation(op_solve_2)

    # Score List 2 (score)
    op_score_2 = Score(num_samples=1, combined_scoring=False, scoring_function=TASK_FUNCTIONS["sorting.error"]).tagged(OPS["score-2"])
    op_score_2.add_predecessor(op_solve_2)
    graph.add_operation(op_score_2)

    # Keep the best of List 2 (keepBestN)
    op_keep_best_2 = KeepBestN(1, higher_is_better=False).tagged(OPS["keep-best-2"])
    op_keep_best_2.add_predecessor(op_score_2)
    graph.add_operation(op_keep_best_2)

    # Merge pair 1 (level 1, 10 tries) (aggregate)
    op_merge_1_1 = Aggregate(num_responses=10).tagged(OPS["merge-1-1"])
    op_merge_1_1.add_predecessor(op_keep_best_1)
    op_merge_1_1.add_predecessor(op_keep_best_2)
    graph.add_operation(op_merge_1_1)

    # Score the merges (score)
    op_merge_score_1_1 = Score(num_samples=1, combined_scoring=False, scoring_function=TASK_FUNCTIONS["sorting.error"]).tagged(OPS["merge-score-1-1"])
    op_merge_score_1_1.add_predecessor(op_merge_1_1)
    graph.add_operation(op_merge_score_1_1)

    # Keep the best merge (keepBestN)
    op_merge_best_1_1 = KeepBestN(1, higher_is_better=False).tagged(OPS["merge-best-1-1"])
    op_merge_best_1_1.add_predecessor(op_merge_score_1_1)
    graph.add_operation(op_merge_best_1_1)

    # Refine the merge (10 tries) (generate)
    op_refine_1_1 = Generate(num_branches_prompt=1, num_branches_response=10).tagged(OPS["refine-1-1"])
    op_refine_1_1.add_predecessor(op_merge_best_1_1)
    graph.add_operation(op_refine_1_1)

    # Score the refinements (score)
    op_refine_score_1_1 = Score(num_samples=1, combined_scoring=False, scoring_function=TASK_FUNCTIONS["sorting.error"]).tagged(OPS["refine-score-1-1"])
    op_refine_score_1_1.add_predecessor(op_refine_1_1)
    graph.add_operation(op_refine_score_1_1)

    # Keep the best of merge and refinements (keepBestN)
    op_best_1_1 = KeepBestN(1, higher_is_better=False).tagged(OPS["best-1-1"])
    op_best_1_1.add_predecessor(op_merge_best_1_1)
    op_best_1_1.add_predecessor(op_refine_score_1_1)
    graph.add_operation(op_best_1_1)

    # Compare with ground truth (groundTruth)
    op_ground_truth = GroundTruth(TASK_FUNCTIONS["sorting.solved"]).tagged(OPS["ground-truth"])
    op_ground_truth.add_predecessor(op_best_1_1)
    graph.add_operation(op_ground_truth)

    return graph


def main(argv):
    output = argv[1] if len(argv) > 1 else os.path.splitext(os.path.abspath(__file__))[0] + ".output.json"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(LM_CONFIG, f)
    try:
        lm = language_models.ChatGPT(f.name, model_name="chatgpt", cache=False)
    finally:
        os.unlink(f.name)
    ctrl = controller.Controller(lm, build_graph(), StudioPrompter(), StudioParser(), dict(INPUT_STATE))
    ctrl.run()
    ctrl.output_graph(output)
    print("wrote %s (%d prompt tokens, %d completion tokens)" % (output, lm.prompt_tokens, lm.completion_tokens))


if __name__ == "__main__":
    main(sys.argv)
