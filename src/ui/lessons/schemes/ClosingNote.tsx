import { dollars } from '../../thoughts/thoughtText';
import type { MeasuredRun } from './measureRun';
import type { LessonScheme } from './schemeSteps';

/** GoT's cost next to ToT's, in the runs' own figures: dollars when the model has a price, else tokens. */
function costLine(got: MeasuredRun | undefined, tot: MeasuredRun | undefined): string | null {
  if (!got || !tot) return null;
  const priced = got.cost > 0 && tot.cost > 0;
  const [g, t] = priced ? [got.cost, tot.cost] : [got.tokens, tot.tokens];
  const change = Math.round((1 - g / t) * 100);
  const figures = priced ? `${dollars(got.cost)} against ${dollars(tot.cost)}` : `${got.tokens.toLocaleString('en')} tokens against ${tot.tokens.toLocaleString('en')} (this model has no price)`;
  return `Here GoT ${change >= 0 ? `cost ${change}% less` : `cost ${-change}% more`} than ToT: ${figures}.`;
}

/** What N and k mean here, why the measured figures differ from the formulas, and what the cost column says. */
export function ClosingNote({ results }: { results: Partial<Record<LessonScheme, MeasuredRun>> }) {
  const cost = costLine(results.GoT, results.ToT);
  return (
    <div className="lesson-note" data-testid="lesson-note">
      <p>
        <b>N</b> is the number of thoughts the model made in that run (every card but the input); <b>k</b> is the graph’s branching: how many thoughts
        one Aggregate merges in GoT, how many answers one Generate asks for in ToT, how many chains CoT-SC runs. IO and CoT make a single thought,
        so for them N = 1.
      </p>
      <p>
        The paper’s volume counts every thought that <i>can</i> reach the last one. In these graphs a Keep Best drops most samples, so far fewer
        reach it: ToT’s final thought sees only the chain of earlier bests, while GoT’s sees every part it was merged from. The ordering is the
        paper’s point: GoT reaches a large volume for a latency close to ToT’s.
      </p>
      <p>
        The error is the best final thought’s score (lost or repeated digits plus neighbours out of order; 0 is sorted). {cost ?? ''} The paper
        reports GoT cheaper than ToT on sorting because its prompts are short lists of 16 while every ToT round re-sends all 64 digits; with GoT
        Studio’s own prompts and the simulator’s answers the gap is whatever the line above says, since both are measured here, not assumed.
      </p>
    </div>
  );
}
