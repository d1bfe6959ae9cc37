// Says whether the date or number recogniser could find anything in a text, so a message with no digit, date word or
// number word skips a call that costs several milliseconds and would return nothing we keep.

// Every date the recogniser gives us, and every "now"-like word it resolves to today, contains one of these: a digit
// (fractions and full-width digits too), a month, a weekday, a date or time unit, a day word, a holiday, a season, a
// written or ordinal number ("on the first"), or one of its words for now ("recently", "at the moment"). Words a date
// is built from but never made of alone (ago, last, next, this, term, half-term) need one of these with them. Checked
// word by word against the recogniser in test/unit/language/entityFastPath.test.ts.
const DIGIT = '[\\d\\u00BC-\\u00BE\\u2150-\\u215E\\uFF10-\\uFF19]';
const MONTH = [
  'jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sep(?:t(?:ember)?)?',
  'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?',
];
const WEEKDAY = ['(?:sun|mon|tues?|thurs?|fri)(?:day)?', 'thu', 'wedn(?:esday)?', 'weds?', 'sat(?:urday)?'];
const CARDINAL = [
  'zero', 'n[ao]ught', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  '(?:thir|four|fif|six|seven|eigh|nine)teen', '(?:twen|thir|fou?r|fif|six|seven|eigh|nine)ty',
];
const ORDINAL = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'nine?th', 'tenth', 'eleventh', 'twelfth',
  '(?:thir|four|fif|six|seven|eigh|nine)teenth', '(?:twen|thir|fou?r|fif|six|seven|eigh|nine)tieth',
];
const ROUND = [
  'hundred', 'thousand', 'million', 'mln', 'billion', 'bln', 'trillion', 'tln', 'lakh', 'crore', 'dozen', 'doz', 'dz',
  'half', 'halves', 'quarter',
];
const UNIT = [
  'day', 'week', 'weekend', 'weekday', 'fortnight', 'month', 'year', 'decade', 'century', 'centuries', 'hour', 'hr', 'h',
  'min', 'minute', 'sec',
];
const NOW = [
  'now', 'asap', 'soon', 'recently', 'previously', 'present', 'moment', 'time', 'otd', 'eod', 'eom', 'eoy', 'eow', 'tmrw?',
  'today', 'tonight', 'tomorrow', 'yesterday',
];
const HOLIDAY = [
  'christmas', 'xmas', 'easter', 'halloween', 'thanks\\s*giving', 'pentecost', 'ramad(?:h)?an', 'ram(?:a)?zan', 'ramathan',
  'eid', 'eidul', 'mardi', 'juneteenth', 'yuandan', 'yuan', 'fawkes', 'patrick', 'george', 'christi', 'qingming',
  'sweeping', 'dragon', 'mayo', 'fools', 'hallow', 'souls', 'saint', 'lover', 'independence', 'sacrifice', 'festival',
  'hijri', 'birthday', 'eve', 'jubilee',
];
const SEASON = ['spring', 'summer', 'autumn', 'winter', 'fall'];
// Never a date alone, but joined to one from afar ("every evening after school, ... today" is one time range).
const TIME_OF_DAY = [
  'morning', 'afternoon', 'evening', 'night', 'nighttime', 'toni(?:ght|te)', 'noon', 'midday', 'midnight', 'lunch',
  'lunchtime', 'dinner', 'dinnertime', 'breakfast', 'brunch', 'supper', 'daytime', 'overnight', 'dawn', 'dusk', 'sunset',
  'daily', 'weekly', 'monthly', 'yearly', 'annual', 'annually', 'quarterly', 'oclock',
];

/** A digit, or one of the words (and its plural) as a whole word. */
function signal(words: string[]): RegExp {
  return new RegExp(`${DIGIT}|\\b(?:${words.join('|')})s?(?![a-z])`, 'i');
}

const DATE_SIGNAL = signal([
  ...MONTH, ...WEEKDAY, ...CARDINAL, ...ORDINAL, ...ROUND, ...UNIT, ...NOW, ...HOLIDAY, ...SEASON, ...TIME_OF_DAY,
]);
// Every number the recogniser gives contains a digit, a vulgar fraction, or a written number: cardinal, round, "dozen",
// "half", "quarter", or a fraction's ordinal ("a third", "two fifths").
const NUMBER_SIGNAL = signal([...CARDINAL, ...ORDINAL, ...ROUND]);

/** False only when the date recogniser can neither find a date (or a "now") in `text` nor join anything to one. */
export function mayHoldDate(text: string): boolean {
  return DATE_SIGNAL.test(text);
}

/** False only when the number recogniser cannot find a number in `text`. */
export function mayHoldNumber(text: string): boolean {
  return NUMBER_SIGNAL.test(text);
}
