package dev.milepost.automation.assistant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The phrase patterns of the assistant's grammar, written against normalised words (lower case,
 * numbers in digits, quoted text as {@code q#N}). The grammar is documented in
 * docs/blueprints.md, section "The assistant"; keep the two in step.
 */
final class Phrases {

	/**
	 * Repetitions are bounded ({0,15}, not *): Java's regex engine recurses once per repetition of a
	 * group, and an unbounded one on a long sentence overflows the stack.
	 */
	static final Map<String, String> MACROS = new LinkedHashMap<>();

	static {
		MACROS.put("det", "(?:(?:the|a|an|its|their|any|each|every|some|this|that|our|all|all the|one of the|one of our) )?");
		MACROS.put("be", "(?:is|are|gets|get|becomes|become|goes|go|turns|turn|was|were|has been|have been|falls|fall|is marked|is marked as|gets marked)");
		MACROS.put("n", "(?<n>\\d+|a|an)");
		MACROS.put("span", "{n} (?<wd>working |business |calendar )?(?<u>days?|weeks?)");
		MACROS.put("role", "(?:owners?|assignees?|(?:project )?managers?|pm|(?:project )?sponsors?|stakeholders?|approvers?|(?:team )?members?|team|everyone|@[\\p{L}\\p{N}._-]+)");
		MACROS.put("rlink", "(?:and|or|,|as well as|plus|the|its|their|all|task|milestone|project|to)");
		MACROS.put("roles", "(?<to>(?:(?:the|its|their|all|all of the|task|milestone) ){0,4}{role}(?: (?:{rlink} ){0,4}{role}){0,15})");
		MACROS.put("tag", "(?:q#\\d+|[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)");
		MACROS.put("title", "(?!(?:an?|the|any|each|every|new|its|this|that|when|whenever|if|once|after|as soon as|soon)(?: |$))(?:q#\\d+|[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*)");
		MACROS.put("status", "on track|approaching|at risk|missed|achieved");
		MACROS.put("field", "name|status|assignees?|start(?: date)?|finish(?: date)?|due date|end date|progress|percent complete|duration");
		MACROS.put("template", "qa(?: cycle)?|quality assurance(?: cycle)?|it operations handover|it ops handover|operations handover|handover|q#\\d+");
		MACROS.put("weekday", "monday|tuesday|wednesday|thursday|friday|saturday|sunday");
	}

	static Pattern p(String regex) {
		return Sentence.phrase(regex, MACROS);
	}

	static List<Pattern> all(String... regexes) {
		return java.util.Arrays.stream(regexes).map(Phrases::p).toList();
	}

	// ---- channels -------------------------------------------------------------------------------

	static final Pattern CHANNELS = p("(?:by|via|through|over|as an?|with an?|using|per|on) (?<c>email|in app|(?:the )?app|webhook)"
			+ "(?: (?:notification|message))?(?: (?:and|or|,|and also) (?:by |via |through |as an? |in |on )?(?<c2>email|in app|(?:the )?app|webhook)"
			+ "(?: (?:notification|message))?)?");

	static final Pattern IN_APP = p("(?:in|inside) (?:the )?(?:app|inbox|milepost)|in app");

	// ---- schedules ------------------------------------------------------------------------------

	static final Pattern SCHEDULE_DAY = p("(?:every|each|on) (?<day>day|weekday|working day|business day|{weekday})s?"
			+ "(?: (?:morning|at noon))?|(?<daily>daily|every morning|each morning|on weekdays|on working days)");

	static final Pattern SCHEDULE_TIME = p("(?:at|@) (?<h>\\d{1,2})(?::(?<m>\\d{2}))?(?: (?<ap>am|pm|o'clock|oclock))?");

	// ---- triggers (the first that matches wins; more than one makes one rule each) --------------

	static final Pattern TASK_DUE_FROM = p("{det}(?:unfinished |open )?tasks? (?:{be} |comes? |that {be} )?{span} (?:from|before|away from|ahead of|short of|out from) {det}(?:due|finish|end|planned finish|deadline)(?: date)?");

	static final Pattern TASK_DUE_IN = p("{det}(?:unfinished |open )?tasks? (?:{be} |that {be} |which {be} )?(?:due|finishing|ending) (?:in|within) {span}");

	static final Pattern TASK_DUE_BEFORE = p("{span} before {det}tasks? (?:{be} )?(?:due|finish(?:es)?|ends?|deadline|due date|finish date|planned finish)(?: date)?");

	static final Pattern TASK_DUE_DAY = p("{det}tasks? (?:{be} )?(?:due|finishing) (?<day>tomorrow|today)");

	static final Pattern TASK_OVERDUE = p("{det}tasks? (?:{be} |that {be} |which {be} )?(?:overdue|late|past due|behind schedule|past {det}(?:due|finish)(?: date)?)"
			+ "|{det}(?:overdue|late) tasks?|{det}tasks? miss(?:es)? {det}(?:due|finish|deadline)(?: date)?");

	static final Pattern TASK_COMPLETED = p("{det}tasks? (?:{be} )?(?:done|completed|finished|complete|closed)|{det}tasks? (?:completes|finishes|is finished)|{det}(?:completed|finished) tasks?");

	static final Pattern TASK_CREATED = p("{det}(?:new )?tasks? (?:{be} )?(?:created|added)|someone (?:creates|adds) {det}(?:new )?tasks?|{det}new tasks?(?: appears?)?");

	static final Pattern TASK_UPDATED = p("{det}tasks?(?: (?<f>(?:{field})(?: (?:and|or|,) (?:{field})){0,8}))? (?:{be} )?(?:updated|changed|edited|modified|changes|change)");

	static final Pattern MILESTONE_AWAY = p("{det}(?:unachieved |open )?milestones? (?:{be} |that {be} |which {be} )?{span} (?:away|out|ahead|off|from {det}(?:target|due date|deadline)(?: date)?)");

	static final Pattern MILESTONE_DUE_IN = p("{det}(?:unachieved |open )?milestones? (?:{be} |that {be} |which {be} )?(?:due|coming up|approaching|targeted) (?:in|within) {span}");

	static final Pattern MILESTONE_BEFORE = p("{span} before {det}milestones?(?: (?:target|due date|deadline|is due))?(?: date)?");

	static final Pattern MILESTONE_DUE_DAY = p("{det}milestones? (?:{be} )?due (?<day>tomorrow|today)");

	static final Pattern MILESTONE_STATUS = p("{det}milestones?(?: status)? (?:changes|changed|moves|moved|goes|went|switches|{be}) (?:status )?(?:from (?<from>{status}) )?to (?<to>{status})"
			+ "|{det}milestones?(?: status)? (?:changes|changed) (?:status|its status)?|{det}milestones? status (?:changes|changed)");

	static final Pattern MILESTONE_AT_RISK = p("{det}milestones? (?:{be} |that {be} |which {be} )?at risk|{det}at risk milestones?");

	static final Pattern MILESTONE_MISSED = p("{det}milestones? (?:{be} |that {be} )?missed|{det}missed milestones?|{det}milestones? miss(?:es)? {det}(?:target|deadline|due date)(?: date)?|{det}milestones? slips? past {det}(?:target|deadline)(?: date)?");

	static final Pattern MILESTONE_ACHIEVED = p("{det}milestones? (?:{be} )?(?:achieved|reached|met|hit|completed|done|accomplished)|{det}milestones? (?:is|gets) achieved|{det}(?:achieved|reached) milestones?");

	static final Pattern MILESTONE_APPROACHING = p("{det}milestones? (?:{be} )?(?<a>approaching|near|close|getting close)|{det}milestones? (?:{be} )?(?<ok>(?:back )?on track)");

	static final Pattern APPROVAL_DECIDED = p("{det}(?:(?<title>{title}(?: {title}){0,2}) )?(?:approval request|approval|sign-off|sign off)s? (?:{be} |request {be} )?(?<o>approved|rejected|decided|granted|denied|declined|accepted|refused)");

	static final Pattern APPROVAL_REQUESTED = p("{det}(?:(?<title>{title}(?: {title}){0,2}) )?(?:approval|sign-off)s? (?:{be} )?(?:requested|opened|raised|created|asked for)|{det}approval requests? (?:{be} )?(?:opened|made|created|raised)|someone (?:requests|asks for) {det}(?:approval|sign-off)");

	static final Pattern DELIVERABLE_ACCEPTED = p("{det}deliverables? (?:{be} )?(?:accepted|approved|signed off)");

	static final Pattern PROCESS_COMPLETED = p("{det}(?:(?<tpl>{template}) )?process(?:es)? (?:{be} )?(?:completed|complete|finished|done|closed|completes|finishes|ends)"
			+ "|{det}(?<tpl2>qa cycle|it operations handover|handover) (?:{be} )?(?:completed|complete|finished|done|over|completes|finishes|ends)");

	// ---- qualifiers (conditions) ----------------------------------------------------------------

	static final Pattern UNLESS = p("unless|except (?:when|if)|but not (?:when|if)|if not|other than when");

	static final Pattern NOT_DONE = p("(?:and |but |that is |which is |if it is |if |while |while it is |and it is )?(?:still )?(?:not|isn't|is not|not yet|hasn't been|has not been|isn't yet) (?:yet )?(?:done|finished|completed|complete|closed|achieved)(?: yet)?|(?:unfinished|incomplete|uncompleted|unachieved)");

	static final Pattern CRITICAL = p("(?:that is |which is |and is |if it is |if )?(?:critical|on {det}critical path)");

	static final Pattern TAGGED = p("(?:that is |which is |that are )?(?:tagged|with (?:the )?tags?|labell?ed)(?: as| with)? (?<tags>{tag}(?: (?:or|,) {tag}){0,10})");

	static final Pattern OWNED_BY = p("(?:that is |which is )?owned by (?<who>@[\\p{L}\\p{N}._-]+)");

	static final Pattern ASSIGNED_TO = p("(?:that is |which is )?assigned to (?<who>@[\\p{L}\\p{N}._-]+)");

	static final Pattern NAMED = p("(?:named|called|titled) (?<name>q#\\d+)");

	static final Pattern PERCENT = p("(?:and |if |that is |with )?(?:less than|under|below) (?<p>\\d+) ?(?:%|percent)(?: complete| done)?");

	static final Pattern SLACK = p("(?:and |if |with )?(?:its |the )?(?:slack|float) (?:is |of )?(?:below|under|less than) (?<d>\\d+) days?");

	// ---- actions --------------------------------------------------------------------------------

	static final Pattern REMIND_FEEDING = p("remind {det}(?:owners|assignees|people) (?:of|on|behind|working on) {det}(?:unfinished |open )?tasks? (?:feeding|that feed|which feed|leading to|for)(?: {det}(?:milestones?|it|them))?"
			+ "|remind {det}feeding tasks? (?:owners|assignees)|remind {det}(?:owners|assignees) of {det}feeding tasks?");

	static final Pattern NOTIFY = p("(?<verb>notify|tell|alert|inform|warn|ping|message|email|remind) {roles}");

	static final List<Pattern> SEND = all("send (?:a |an )?(?<what>notification|message|note|alert|reminder|email)(?: (?<msg>q#\\d+))? to {roles}",
			"let {roles} know");

	static final Pattern ESCALATE = p("escalate(?: (?:it|this|them|that))?(?: to {roles})?");

	static final Pattern START = p("(?:start|kick off|launch|begin|run|open|trigger) {det}(?<tpl>{template})(?: process)?(?: in (?<in>\\d+) (?:working |business )?days?)?");

	static final Pattern CREATE_TASK = p("(?:create|add|make|open|schedule) {det}(?:new )?task (?:named |called |titled )?(?<name>q#\\d+)");

	static final Pattern TASK_OWNER = p("(?:for|owned by|assigned to|owner) {roles}");

	static final Pattern TASK_DURATION = p("(?:lasting|taking|of|for|with a duration of) (?<d>\\d+) (?:working |business )?days?");

	static final Pattern TASK_START = p("(?:starting|that starts|to start) (?:in (?<s>\\d+) (?:working |business )?days?|(?<now>today|now|immediately))");

	static final List<Pattern> REQUEST_APPROVAL = all("(?:request|ask for|seek|get) {det}(?:approval|sign-off|sign off)(?: (?:from|by|of) {roles})?",
			"ask {roles} (?:to approve(?: it)?|for (?:approval|sign-off|a sign-off))");

	static final Pattern APPROVAL_DUE = p("(?:due|within|due in) (?<d>\\d+) (?:working |business )?days?");

	static final Pattern TAG_IT = p("(?:tag it|add (?:the )?tag|label it)(?: as| with)? (?<tag>{tag})");

	static final Pattern WEBHOOK = p("(?:call|post to|send to|hit) {det}(?:webhook )?(?:at )?(?<url>https://[^ ]+)");

	static final Pattern MESSAGE = p("(?:saying|with (?:the )?(?:message|text)|that says|:) (?<msg>q#\\d+)");

	private Phrases() {
	}

}
