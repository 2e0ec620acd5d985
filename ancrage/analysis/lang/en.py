"""English lexicon: data only. Every name here also exists in fr.py (a test checks it).

Patterns are regular-expression fragments matched on lower-cased text with straight
apostrophes. *_START fragments are anchored at the start of a sentence once leading
fillers ("so", "okay", "um"...) are removed; the others may match anywhere.
"""

CODE = "en"

# Frequent function words, used to tell French from English.
MARKERS = frozenset(
    "the and you i to of it that is was what how do don't a in my your this with for have "
    "are be not but so we they just can like about know think yeah okay".split()
)

# Discourse fillers stripped from the start of a sentence before looking at its shape.
FILLERS = r"(?:so|okay|ok|well|and|but|now|btw|by the way|um+|uh+|hmm+|mm-?hmm|yeah|yes|yep|yup|nope|right|alright|all right|oh|ah|then|sure|i see|great|good|cool|perfect|awesome|gotcha|got it|wow|like|hey|hi|hello|you know|i mean|or)"

# Interrogative words that open a question (open question).
WH_START = [
    r"what",
    r"what's",
    r"whats",
    r"how",
    r"how's",
    r"why",
    r"when",
    r"where",
    r"who",
    r"whom",
    r"whose",
    r"which",
    r"in what way",
    r"to what extent",
]

# Interrogatives that ask for one fact (a number, a time, a place): closed, as MITI codes them.
CLOSED_WH = [
    r"how (?:many|much|long|often|old|far|soon)",
    r"what (?:time|number|age|year|day|date)",
    r"what(?:'s| is| was) (?:the|your) (?:name|number|age|date|address|longest|most|least)",
    r"(?:when|where|which|who|whom|whose)",
    r"on a scale",
    r"what(?:'s| is| was) (?:your|his|her|their|the) (?:\w+'s |\w+ )?name",
    # a price asked is a number, like "how much"
    r"what (?:does|do|did|would|will|could) (?:it|that|this|they|the \w+) cost",
    r"what (?:would|do|did|will|could) you (?:normally |usually |typically )?(?:charge|quote|bill|"
    r"pay|sell (?:it|them|this|that|those) for)\b",
    r"what(?:'s| is| was) (?:your|the) (?:budget|price|rate|fee|day rate|hourly rate|margin)\b",
]

# "Where" asking for a stance or a next step, not a place, and "how much" asking a degree: open
# ("Where would you like to start?", "Where do you see yourself in a year?", "Where does that
# leave you?").
OPEN_WH = (
    r"^where (?:would|could|might|should) (?:you|we) (?:like to|want to|wanna|start|begin|go from)"
    r"|^where do (?:you|we) (?:see|want to|wanna|stand|go from)|^where does (?:that|this|it) "
    r"(?:leave|put) you|^where are you (?:at|with)\b|^where have you got to"
    # a next step or a consequence: "Where do you think we should begin?", "Where will it take you?"
    r"|^where do (?:you|we) think (?:you|we) (?:\w+ ){0,3}(?:start|begin|go|head)\b"
    r"|^where (?:is|will|would|could|does|might) (?:it|that|this) (?:\w+ ){0,2}(?:take|leave|get) (?:you|us)\b"
    # "how much" asking a degree of feeling, not a quantity: "How much do you enjoy it?"
    r"|^how much (?:do|does|did|would|will) (?:you|it|that|this) (?:really )?(?:enjoy|like|love|care|"
    r"want|value|miss|trust|mind|worry|matter|mean|bother|help)\b"
)

# Auxiliary-first questions that still invite elaboration: the same as "Anything else?" ("Is
# there anything else you'd like to add?"), a request to tell ("Would you mind telling me
# about it?"), a thought asked for its content ("Have you thought about what you'd change?").
OPEN_AUX = (
    r"^(?:is|are|was|were) there any(?:thing)? (?:else|other)\b"
    r"|^(?:would|do) you mind (?:telling|walking|describing|sharing|explaining|filling|saying|talking)\b"
    r"|^(?:have|did) you (?:ever )?(?:thought|think|wondered) about (?:what|how|why)\b"
    r"|^do you have (?:a sense|an idea) (?:of )?(?:what|how|why)\b"
)

# Asking permission is a yes/no question, even when what follows has an interrogative word
# ("Is it okay if I explain how the sessions run?", "Would you mind if I showed you the report?").
PERMISSION = [
    r"(?:is|would|will) (?:it|that|this) (?:be )?(?:okay|ok|alright|all right|fine)(?: with you)?,? if",
    r"(?:would|do|will) you mind if",
    r"i(?:'m| am| was)? (?:just )?wonder(?:ing|ed)? (?:if|whether),? (?:(?:um|uh)-? )?(?:if )?(?:i|we) "
    r"(?:could|can|might|may)",
    r"(?:can|could|may|might) i (?:share|give you|offer|suggest|run)\b",
]

# Interrogative words that also open a time or place clause ("..., when you get home?").
TIME_PLACE = [r"when", r"whenever", r"where", r"wherever", r"while"]

# A question the speaker asks to answer it at once ("And you know what got me unstuck? A book.",
# "You know what?", "So you know how I was going to send it at 4,200? I didn't."): not asked.
RHETORICAL = (
    r"^(?:(?:and|but|so|well|oh|okay|ok),? )*(?:you know|guess) (?:what|who|how|why|where|when)\b"
)

# Without a question mark (speech recognition), only unambiguous shapes count as questions:
# interrogative word + auxiliary + subject, or fixed interrogative phrases. A sentence opening
# on "which is a / which has the" continues the previous one (a relative clause), not a question,
# and "... and what have you" means "and so on".
WH_NO_MARK = [
    r"(?!which(?:'s| is| was| has| had) |what have you(?:$|,| and| or| uh| um))(?:what|how|why|where|when|who|which)(?:'s|'re|'d| is| are| was| were| do| does| did| can|"
    r" could| would| will| should| have| has| had| am)\s+(?:you|i|we|they|he|she|it|there|that|"
    r"this|your|my|the|a|an|those|these|his|her|their|our|people|anyone|anything|things|u)\b",
    # "what's making it hard", "what's holding you back": a progressive asks (not a pseudo-cleft)
    r"what's (?!going )\w+ing (?:you|it|that|this|things)\b(?!.*\b(?:is|was)\b)",
    r"what's (?:been|up|new)\b",
    r"what (?:happened|brings|brought|made|makes|else|kind of|sort of|about|other|would|do|does|"
    r"did|is|are|was|were|if)\b",
    # not "how much it costs", "how long it takes": an embedded clause, no inversion
    r"how (?:many|much|long|often|far|old)\b(?! (?:it|he|she|that|this) \w+s\b)",
    r"how (?:come|about|important|confident|ready|likely|would|do|does|did|is|are|was|were|can|"
    r"could)\b",
    r"why (?:not|is|are|do|does|did|would|should|don't|didn't)\b",
    r"(?:what|which|whose|how many|how much) (?!(?:i|you|we|they|he|she|it|that|this) )(?:\w+ ){1,3}"
    r"(?:do|does|did|are|is|was|were|can|"
    r"could|would|will|should|have|has)\s+(?:you|we|they|i|he|she|it|your|the|people)\b",
    r"who (?:else|is|are|was|would|could|can|do|does|did)\b",
    # a wh- subject and a past verb, by SMS ("what changed for u", "who got the job")
    r"what (?:changed|helped|worked|shifted|clicked|surprised|went (?:well|wrong))\b(?!.*\b(?:is|was)\b)",
    r"who (?:got|won|called|signed|said yes)\b",
    r"where (?:do|does|did|is|are|was|would|could|can)\b",
    r"when (?:do|does|did|is|are|was|would|could|can|will)\b",
]

# A whole sentence that only echoes or checks hearing: interest, not a question.
BACKCHANNEL = (
    r"(?:oh |ah |wow |huh )?(?:really|seriously|is it|was it|are you|were you|is he|is she|"
    r"are they|did you|do you|does it|did it|have you|has it|can you|can't you|will you|would you|"
    r"you did|you do|you are|you were|you can|you have|you will|you think so|you know|see|"
    r"honestly|frankly|"
    r"is that (?:right|so|true)|are you serious|no kidding|pardon(?: me)?|sorry|excuse me|what|who|"
    r"(?:(?:sorry|pardon|excuse me),? )?(?:what did you say|i beg your pardon|come again|say (?:that|it) "
    r"again|(?:the|a|an) what)|"
    r"huh|yeah|yes|no|okay|ok|right|mm-?hmm|uh-huh|hmm+)"
)

# Subject-auxiliary inversion is the mark of a direct question even inside a run-on,
# unpunctuated sentence ("and if it dropped what would that mean for you"); embedded
# questions do not invert ("I know what you mean").
INVERTED_ANYWHERE = (
    r"(?:(?:what(?! have you(?:$|,| and| or))|how|why|where|when|who|which)(?:'s| is| are| do|"
    r" does| did| can| could| would| will| should| have| has)|(?:so|and|but|then|okay|now|well|also|or) (?:do|does|"
    r"did|can|could|would|will|have|are|is))\s+(?:you|we|they|he|she|that|this|there|i|your)(?![\w'-])"
    # "... what made you fill in the form", "... is now still a good time", "... would it be useful
    # if I showed you": inversions no statement has (the words that turn them into a clause, "it's
    # about what made you", "as would you", are checked in acts.py)
    r"|(?:what|who) (?:made|brought|led|prompted) (?:you|u)(?![\w'-])"
    r"|(?:is|would) (?:this|now|it|that) (?:still )?(?:a good|an ok|an okay|a bad|the right) time\b"
    r"|(?:would|could|should|will|shall) (?:it|you|we|that|they) (?:be|help|make|work|mean|like|want|"
    r"need|mind|feel|look|change)\b"
    # "...for bookings does it work with that", "would a demo on monday work", "what's been on
    # your mind"
    r"|(?:does|did) (?:it|that|this|he|she|they) (?:work|help|matter|cover|include|integrate|sync|"
    r"handle|cost|come|need|mean|make)\b"
    r"|(?:would|will|does|could) (?:a|an|the|this|that) (?:[\w-]+ ){1,4}(?:work|help|suit)\b(?! out)"
    r"|what's been (?:on|going|happening|new|up)\b"
    # "...on a scale of one to ten how sure are you that...", "...when's a good time to catch you"
    r"|how (?:sure|confident|ready|likely|certain|comfortable|important) (?:are|is|would|do) (?:you|it)\b"
    r"|(?:when's|when is|what's|what is|when would be) a good (?:time|day|moment)\b"
)
# Words before a modal inversion or a "what made you" that make it a clause, not a question ("as
# would you", "it's about what made you"): the inversion found after them does not count.
NOT_ASKING_BEFORE = frozenset("if so nor as than neither about is was that's it's what's".split())
NOT_ASKING_HEADS = frozenset("would could should will shall what who does did".split())

# A discourse marker inside a run-on sentence, followed by an interrogative word: where a new
# (unpunctuated) question may start ("thanks for coming so what brings you here").
MARKER_THEN_WH = (
    r"(?:so|and|but|okay|ok|now|then|well|alright)\s+(?=(?:what|how|why|where|when|who)\b)"
)

# Echoes that only show interest or check hearing ("Oh, you haven't?", "Are they?").
ECHO = (
    r"(?:oh |ah |wow |really |huh )?(?:(?:is|are|was|were|do|does|did|have|has|had|can|could|"
    r"will|would|should)(?:n't)? (?:it|he|she|they|you|we|that|there|i)(?: really)?|(?:it|he|she|they|you|"
    r"we|that|there|i) (?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should)"
    r"(?:n't)?(?: not)?|(?:you )?think so|isn't that (?:funny|great|interesting|amazing|nice|"
    r"wonderful|terrible|awful|something|neat|weird|strange|sad|crazy|cool))"
)

# "So do we", "Neither would I": agreement, not a question, despite the inversion.
AGREEMENT = r"^(?:so|neither|nor) (?:do|does|did|am|is|are|was|were|have|has|had|can|could|will|would|should) (?:i|we|you|they|he|she|it|(?:my|your|his|her|our|their|the) \w+)(?: too)?$"

# Reported speech: a question quoted from someone else is not asked of the listener.
REPORTED = (
    r"(?:\b(?:i|he|she|they|someone|people|(?:my|his|her|their|the|our) \w+)(?: \w+)? (?:said|says|"
    r"goes|went|asked|asks|was like|were like|'s like|is like|keep telling|kept telling|kept asking|"
    r"told|thought|was thinking|was going|wondered)(?: (?:to )?(?:him|her|them|me|us|myself))?|"
    r"\bi(?:'m| am) like|\bthey(?:'re| are) like|\b(?<!what )(?<!how )(?:they|people) say|\b(?:saying|asking)"
    # the speaker's or anyone's inner voice: "it's like, why bother", "and you go, where's the exit"
    r"|\b(?:it|she|he|you|we)(?:'s|'re| is| are| was| were) like|(?:^|\band |\bthen |\bso )(?:i|you|we) go"
    r"|\b(?:i|you|he|she|we|they|people)(?: would|'d) (?:have )?(?:said|say|ask|go))$"
)

# Tags that close a statement even without a question mark ("..., isn't it.").
TAG_NO_MARK = (
    r"(?:(?:,| )(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|should)n't (?:it|he|she|"
    r"they|you|we|that|there|i)|, (?:was|were|is|are|did|does|do|would|could|will) (?:he|she|it|they|"
    r"there|you|we)(?: not)?"
    # "...you know what i mean": agreement sought, spoken
    r"|(?:,| )you know what i mean)$"
)
# In a text with no final mark at all (a transcript), a closing "right" seeks agreement too
# ("...compared to two lost days right"); with punctuation, "..., right." is the writer's statement.
TAG_UNSTOPPED = (
    r"(?<=\w) (?<!that's )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bam )(?<!'s )(?<!'re )"
    r"(?<!\bbe )(?<!\bthe )(?<!\ball )(?<!exactly )(?<!quite )(?<!\bnot )(?<!\bjust )(?<!\bit )"
    r"(?<!probably )(?<!\byour )(?<!\bown )(?<!\bsome )(?<!\bmy )(?<!\bher )(?<!\bhis )(?<!\btheir )"
    r"(?<!\bour )right$"
)

# Whose curiosity counts: "I wonder if YOU..." asks the listener; "I wonder how they..." muses.
LISTENER = r"\b(?:you|your|you're|you've|you'd|you'll|yourself)\b"

# Statements said with a rising voice that MITI codes as reflections, not questions: a
# double-sided reflection ("So on one hand you like it, but on the other hand...?", "You want to
# stop, but you're scared?": two statements about the other side by side), one that names itself
# ("I'm picking up that...?") or one closed by the reflective marker ("..., it sounds like?").
RISING_REFLECTION = (
    r"\bon (?:the )?one hand\b|\bon the other hand\b"
    r"|^(?!but )(?:\S+ ){3,}(?:but|and yet|yet) (?:you|you're|you've|your|he|he's|she|she's|they|"
    r"they're|it|it's|that|that's|there|there's|the|this)\b"
    r"|^(?:i(?:'m| am) (?:hearing|picking up)|i hear (?:that|you say)|if i understand)\b"
    r"|, (?:as you (?:said|say|put it|mentioned)|it sounds like|it seems|from what you(?:'ve)? said)$"
)

# Auxiliary-first sentences: yes/no (closed) questions.
AUX_START = [
    r"(?:do|does|did|don't|doesn't|didn't|is|isn't|are|aren't|was|wasn't|were|weren't|"
    r"can|can't|could|couldn't|would|wouldn't|will|won't|should|shouldn't|have|haven't|"
    r"has|hasn't|had|hadn't|may|might|shall|am)\s+(?:you|i|we|they|he|she|it|there|that|"
    r"this|these|those|anyone|anybody|anything|someone|somebody|something|your|my|our|"
    r"their|his|her|the|a|any|some|people|everyone)\b",
    r"any (?:chance)",
    r"is that (?:right|correct|fair|true|okay)",
    # an offer put to the other's yes or no, typed without its "do you" ("want me to send it")
    r"(?:you )?(?:want|wanna) (?:me|us) to",
    # SMS proposals and checks without their auxiliary ("wanna talk thursday", "u got a sec")
    r"(?:you )?(?:want to|wanna) (?:talk|meet|grab|chat|go over|catch up|hop on|jump on|try|come|"
    r"join|do|book|see|sign up|hear|start|lock in|set up|pick|go|look|review|run|practice|practise|"
    r"plan|work|walk)",
    r"(?:you )?got a (?:sec|second|minute|min|moment)",
    r"anything (?:i|we) (?:can|could) do\b",
    r"you \w+ing\b",  # "u watching the game sunday": SMS drops the auxiliary
    r"(?:does|would|will|is) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
    r"next week|this week)\b",
    r"you (?:free|around|available)(?: now| today| tomorrow| later| to talk)?$",
    # a scale or a next slot asked without a verb ("confidence 1-10 for the next round", "same
    # time next week")
    r"(?:your )?(?:confidence|motivation|energy|stress)(?: level)?,? (?:1-10|1 to 10|out of 10|on a scale)",
    r"same time (?:next|tomorrow|on|thursday|friday|monday|tuesday|wednesday)",
]

# Imperatives that look like an inversion (French only; never matches in English).
NOT_INVERSION = r"(?!x)x"

# Indirect yes/no questions put to the listener: closed questions, with or without a question
# mark ("I don't know if you've heard of it", "I'm not sure whether your team...", and a
# request for permission: "I wonder if we could look at...").
INDIRECT_CLOSED = [
    r"i (?:really |just |even )?(?:don't|do not|didn't) (?:really |even )?know (?:if|whether) "
    r"(?:you|your|y'all)",
    r"i(?:'m| am) not (?:really |quite )?sure (?:if|whether) (?:you|your)",
    r"i(?:'m| am| was)? (?:just )?wonder(?:ing|ed)? (?:if|whether) (?:i|we) (?:could|can|might|may)",
    # a polite question about anything but oneself ("I'm wondering whether the cost is only...")
    r"i(?:'m| am| was) (?:just |also )?wondering (?:if|whether)\b(?! i\b| i'm\b| we\b| you\b| you'd\b"
    r"| you're\b| your\b)",
    r"(?:no idea|not sure|dunno|idk) (?:if|whether) (?:you|your)",
]

# A scale or a number asked for: a closed question whatever its interrogative word
# ("On a scale of 0 to 10, how ready are you?").
CLOSED_ANYWHERE = [
    r"on a scale",
    r"scale (?:of|from)",
    r"from (?:0|1|one|zero) to (?:10|ten|100|a hundred)",
    r"(?:pick|give (?:it|me)) a (?:number|score|grade|mark)",
    # an order of magnitude asked is a number ("roughly what margin do you make")
    r"roughly",
    r"approximately",
]

# Searching for a word aloud ("what's the word", "what do you call it"): talking to oneself,
# not a question to the listener.
WORD_SEARCH = (
    r"^(?:what(?:'s| is| was) (?:the|that) (?:word|term)|what do (?:you|they|we|people) call "
    r"(?:it|them|that|those|this)|what(?:'s| is| was| are| were) (?:it|that|this|they|those) "
    r"called|what am i (?:trying to|gonna|going to) say|how do you say (?:it|that)|where was i|"
    r"what was i saying)(?![\w'])"
)

# The same search as a short clause inside a longer sentence ("it was, when was it, last May"):
# the sentence goes on with the answer, so the clause asks nothing of the listener.
HESITATION = (
    r"(?:oh |gosh |uh |um )*(?:what|when|where|who|which one|how much|how many)(?:'s| is| was| are| were) "
    r"(?:it|that|he|she|they|those)|what (?:do|did) (?:they|you|we|people) (?:say|call (?:it|them|that))|how "
    r"would you (?:say|put) it|what(?:'s| is| was) (?:his|her|its|their) name"
)

# Exclamations shaped like questions ("What a change, huh?", "How about that."): not asked.
EXCLAMATIVE = (
    r"^(?:what an? (?!lot\b)|how about that$|how (?:nice|great|awful|terrible|sad|funny|cool|lovely|"
    r"wonderful|strange|weird|interesting|neat|sweet)$|isn't that something$"
    # "what did I tell you": the speaker was right, nothing is asked
    r"|what did i (?:tell|say to) (?:you|u)\b|told (?:you|u) so$)"
)

# Pseudo-clefts open with an interrogative word but state something ("What happened was...",
# "What I mean is..."): not questions.
PSEUDO_CLEFT = (
    r"^what (?:happened|happens|(?:i|we|they|he|she|you) (?:\w+ )?(?:mean|meant|did|do|like|liked|"
    r"said|say|want|wanted|found|find|noticed|need|needed|love|hate)) (?:is|was|'s)\b"
    # a reflection's opening, even said with a rising voice: "what I'm hearing (you say) is..."
    r"|^what i(?:'m| am)? (?:hearing|hear|picking up|getting)(?: you(?: say| saying))?(?: is| was|'s)\b"
)

# Subject-less statements that open like a yes/no question ("Had a great time", "Have a nice
# day"), and "do" as the main verb of an imperative or an elided subject ("and do it the hard way",
# "do a bit of both"): not questions without a question mark.
ELLIPTIC_STATEMENT = (
    r"^(?:have|has|had) (?:a|an|the|some|no|lots|fun|such|something|nothing|plenty|two|three)\b"
    r"|^do (?:it|that|this|some|a|an|something|anything|nothing|stuff|things|so|the same|what|a lot)\b"
    r"|^did (?:her|him|them|me|us) (?:a|an|the|some)\b"
)

# A lone negative tag ("Isn't it?", "Don't you?") asks for agreement: a tag, never a mere
# backchannel, even when it opens a turn (the statement was the other's or cut off).
NEGATIVE_ECHO = (
    r"(?:is|are|was|were|do|does|did|have|has|had|can|could|would|will|should)n't "
    r"(?:it|he|she|they|you|we|that|there|i)"
)

# Invitations to talk that count as open questions even without a question mark.
OPEN_PROMPTS = [
    r"any(?:thing)? (?:else|other|others|thoughts|ideas|questions)",
    r"tell me\b(?! so\b)",
    r"(?:can|could|would) you (?:tell|walk|describe|say|share|talk|explain|elaborate|expand|fill me "
    r"in|give (?:me )?(?:an|some) examples?)",
    r"walk me through",
    r"help me understand",
    r"describe",
    # asking for an example or more detail invites the other to develop
    r"give me (?:an|some) examples?",
    r"(?:fill|catch) me (?:in|up)",
]

# Phrases that ask for the other's view wherever they appear in a sentence.
CURIOUS = [
    r"i(?:'m| am| was)? (?:just )?wonder(?:ing|ed)? (?:if|whether|what|how|why|about|where|who)",
    r"i(?:'m| am) (?:really )?curious (?:about|what|how|why|whether|if|to)",
    r"i(?:'m| am| was| would be|'d be) (?:\w+ )?(?:really |very |just )?interested (?:to (?:know|hear)|in "
    r"(?:knowing|hearing|what|how|why|your))",
    r"i(?:'d| would) (?:like|love) to (?:know|hear|understand)",
    r"tell me (?:more|a (?:little|bit)|about|what|how|why|when|where)",
    r"talk to me (?:about|a (?:little|bit))",
    r"help me understand",
    r"(?:remind|show) me (?:again )?(?:what|how|why)",
    r"(?:can|could|would) you (?:tell|walk|describe|share|say more)",
]

# With a question mark, a statement that embeds a question to the listener asks it openly
# ("I'd like to ask you how the new role is going?", "I don't know what you make of it?").
OPEN_EMBEDDED = [
    r"ask you (?:how|what|why|about)",
    r"i (?:don't|do not) (?:really )?know (?:what|how) (?:you|your)",
    r"you (?:can|could) (?:tell|describe|walk) me",
]

# Questions whose interrogative word comes last ("you did what?"): rare in English.
WH_END = r"(?:you did what|and then what|such as what|like what|or what)$"

# Words one of which WH_END needs (a cheap test before the regex).
WH_END_WORDS = ("what",)

# Interrogative words that ask for a fact when they come last (none in WH_END today).
# With no punctuation at all (SMS, transcripts), a statement about what the listener did since
# last time asks it: the speaker cannot know ("you sent the quote", "so u called him back").
ASKED_STATEMENT = (
    r"^(?:(?:so|and|oh|ok|okay|right) )*(?:you|u) (?:(?:already|just|finally|ever|actually|both) )?"
    r"(?:(?:have|'ve|had) )?(?:sent|called|rang|phoned|spoke|talked|heard|tried|managed|"
    r"finished|booked|signed|emailed|texted|messaged|followed up|raised|chased|updated|fixed|posted|"
    r"checked|met|received|paid|launched|submitted|priced|quoted|pitched|asked (?:him|her|them)|"
    r"told (?:him|her|them)|went ahead)\b"
    r"|^(?:(?:so|and|oh|ok|okay|right) )*(?:you|u) (?:can )?(?:hear|see) me (?:ok|okay|alright|all right|fine)$"
)
# What ASKED_STATEMENT needs at least (a cheap test before the regex).
ASKED_CUES = ("you ",)  # SMS "u" is already "you" here
# Long words without content, skipped when looking whether an echo takes up the other's words.
ECHO_STOPWORDS = frozenset(
    """about there their these those where which would could should think really because maybe
    little right okay yeah something anything everything thing things other being going gonna
    wanna actually always still never just sorry thanks hello""".split()
)
# A negation makes an unpunctuated statement a statement.
NEGATION = r"(?<![\w'-])(?:not|never|no|nothing|n't)(?![\w-])|n't\b"

# A question ending on its interrogative word that stays open whatever the word (none in English).
WH_END_OPEN = r"(?!x)x"

WH_END_CLOSED: tuple[str, ...] = ()

# Markers that may come before a question without a comma ("oh no what happened", "roughly what
# margin do you make"): skipped only when what follows has a question's shape.
LEAD_IN = (
    r"^(?:(?:oh no|oh wow|no way|no|wow|aw+|ugh|roughly|approximately|ballpark|just curious|out of "
    r"curiosity|quick question|in your opinion|honestly|and you|nice|great|cool|awesome|perfect|"
    r"thanks|and|so|ok|okay|alright|then)[\s,]+)+"
)
# A greeting then a name without a comma ("hey omar how did it go"): the name is skipped.
HELLO_NAME = r"^(?:hey|hi|hello|morning|good morning|evening|yo) [^\W\d]+[\s,]+"

# Words one of which an unpunctuated sentence must contain to be read as a question (a fast
# pre-check before the shape rules; a hyphenated word always goes through the full rules).
QUESTION_CUES = frozenset(
    """what whats how why when where who whom whose which any anything tell walk help describe
    wonder wondering wondered curious interested example examples""".split()
)
# Auxiliary + subject anywhere ("do you", "isn't it"): the other way a sentence can ask.
QUESTION_CUE_PATTERN = (
    r"\b(?:(?:do|does|did|is|are|was|were|can|could|would|will|should|have|has|had|may|might|"
    r"shall|am|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|can't|couldn't|wouldn't|won't|"
    r"shouldn't|haven't|hasn't|hadn't) (?:you|i|we|they|he|she|it|there|that|this|these|those|"
    r"anyone|anybody|anything|someone|somebody|something|your|my|our|their|his|her|the|a|any|"
    r"some|people|everyone)\b|n't (?:it|he|she|they|you|we|that|there|i)\b"
    r"|\bi(?:'d| would) (?:like|love) to (?:know|hear|understand)\b|\b(?:talk to|remind|show) me\b"
    r"|\b(?:don't|do not|didn't) (?:\w+ )?know (?:if|whether)\b|\bnot (?:\w+ )?sure (?:if|whether)\b"
    r"|^(?:you )?(?:want|wanna) (?:me|us) to\b|\bgot a (?:sec|second|minute|min|moment)\b"
    r"|\byou (?:free|around|available)\b|^(?:you )?(?:want to|wanna) \w|\bgood time\b"
    r"|^anything (?:i|we)\b|^you \w+ing\b|\b(?:does|would|will) (?:\w+day|tomorrow|next week)\b"
    r"|\b(?:does|did) (?:it|that|this|he|she|they)\b|\b(?:would|will|could) (?:a|an|the)\b"
    r"|\bconfidence\b|\bsame time\b|\b(?:no idea|dunno|idk) (?:if|whether)\b)"
)
# Sentence endings that can make a tag without a question mark (their words are cues already).
QUESTION_CUE_ENDINGS = ("right", "okay", "ok", "correct", "fair", "work", "you", "sense")
# A confirmation asked at the end of a sentence without "?": a closed question ("so you do
# them in excel is that right", "I'll book thursday at two does that work for you").
CHECK_END = (
    r"(?:^|\s)(?:is that (?:right|ok|okay|correct|fair)|does (?:that|this) (?:work|sound (?:ok|okay|"
    r"good|right)|make sense)(?: for you| to you)?|(?:would|will) (?:that|this) work(?: for you)?|"
    r"that work for you)$"
)

# Rhetorical tags closing an affirmation: "..., right?", "isn't it?", "you know?".
TAG_END = [
    r"right",
    r"yeah",
    r"yes",
    r"no",
    r"ok",
    r"okay",
    r"eh",
    r"huh",
    r"you know",
    r"don't you think",
    r"(?:yeah|yes|okay|ok|well|sure|right),? but (?:you|your|that|it|this)\b",
    r"come on",
    r"wouldn't you say",
    r"true",
    r"agreed",
    r"isn't it",
    r"wasn't it",
    r"aren't you",
    r"aren't they",
    r"don't you",
    r"didn't you",
    r"doesn't it",
    r"don't they",
    r"didn't it",
    r"haven't you",
    r"hasn't it",
    r"won't you",
    r"can't you",
    r"isn't that so",
    r"wouldn't it",
    r"couldn't you",
    r"shouldn't you",
    r"is it",
    r"do you",
    r"are you",
    r"did you",
    r"will you",
]

# Asking what the other needs or expects from the exchange.
NEEDS = [
    r"how can i (?:help|support|be (?:of )?(?:help|use))",
    # why the other reached out, what would make the time worth it
    r"anything (?:that )?(?:i|we) (?:can|could) do to help\b",
    r"(?:is there )?anything (?:that )?(?:would|could|might) help you\b",
    r"what would (?:a|the|this|that|it) (?:[\w-]+ )?(?:have|need) to (?:do|be|have|look like)\b",
    r"what (?:would|will|could) make (?:[\w']+ ){1,4}(?:easier|easy|possible|work for you|better for you)\b",
    r"what (?:made|brought|prompted|led) you (?:to )?(?:reach out|call|get in touch|contact|book|fill|"
    r"sign up|come (?:in|to us|along)|look for)",
    r"what would (?:need to|have to) (?:change|happen)\b",
    r"(?:worth|worthwhile for) (?:your|the) (?:time|while|hour|lunch break|morning|afternoon)\b",
    r"how (?:could|may|might) i help",
    r"what (?:do|would) you (?:need|want|expect|hope|like) (?:from|out of|to (?:get|achieve|take|leave|talk|focus|work))",
    r"what (?:are you|were you) (?:hoping|looking|expecting) (?:for|to)",
    r"what (?:would|will|could) make (?:[\w']+ ){1,3}(?:useful|worthwhile|helpful|a success|"
    r"successful|valuable|worth (?:it|your time))",
    # "what would it take to...", "what would help", "what would the managers need": what
    # the other, or the people they speak for, need (not "what would I need")
    r"what would (?:it )?take (?:for (?:you|them|him|her|us) )?to",
    r"what (?:would|could|might|will) (?:really |most )?help\b",
    r"what (?:would|do|does|will) (?!i\b|we\b)(?:[\w']+ ){1,4}needs?\b",
    r"what (?:would|does|will) (?:success|a win|a (?:good|great|successful) (?:result|outcome)) "
    r"look like",
    r"what would be (?:a |the )?(?:good|great|ideal|best) (?:result|outcome)",
    r"what(?:'s| is| would be| will be) (?:most |really )?important (?:to|for) (?:them|him|her|"
    r"your \w+)",
    r"what brings you",
    r"what (?:made|makes|brought|prompted|led) you (?:take|come|reach|call|book|want|look|decide|"
    r"get in touch|here|in|to)",
    r"what (?:can|could|should) we (?:focus|work) on",
    r"what (?:do|would) you (?:like|want) to (?:focus|work|talk) (?:on|about)",
    r"what (?:matters|is important) (?:most )?to you",
    r"what would (?:be )?(?:most )?(?:helpful|useful) (?:for|to) you",
    r"what (?:are|were) you (?:looking|hoping) (?:for|to get)",
    r"what do you need",
    r"what are your (?:needs|goals|expectations|priorities)",
    r"where would you like to start",
    r"where do you want to start",
    r"what(?:'s| is) on your mind",
    r"what (?:would|do) you (?:like|want) to get out of",
    r"what do you want to (?:talk about|work on|focus on|cover)",
    r"what (?:is|was) the (?:biggest )?(?:challenge|problem|need|goal) (?:for you|you)",
]

# Giving back what the other said or meant (reflections).
REFLECTION_START = [
    r"so you",
    r"so your",
    r"so for you",
    r"so it(?:'s| is) (?:like|been|really|hard|difficult)",
    r"(?:it )?sounds (?:like|as if|as though)",
    r"(?:it )?(?:seems|looks) (?:like|as if|that) you",
    r"it feels like",
    r"you(?:'re| are) (?:feeling|saying|worried|concerned|not sure|unsure|afraid|tired|frustrated|"
    r"wondering|thinking|torn|ready|kind of|sort of|really|pretty|quite|very|not|still|also|"
    r"already|trying|hoping|struggling|finding|getting|starting|the kind)",
    r"you (?:feel|felt|think|thought|believe|want|wanted|wish|need|don't|didn't|do|did|have|had|"
    r"know|knew|see|saw|like|love|hate|mean|said|mentioned|told|noticed|realized|realize|"
    r"enjoy|find|found|value|care|seem|worry|hope|really|kind of|sort of|just|also|still|already|"
    r"can't|couldn't|wouldn't|won't|would|could|got|get|went|came|keep|kept|started|tried|"
    r"are|were|'re|'ve|'d|'ll)\b",
    r"you've (?:been|got|had|done|made|tried|noticed|said|decided|already|really|managed)",
    r"your (?:\w+ )?(?:is|are|was|were|has|have|seems|feels|matters)",
    r"for you,",
    r"for you it",
    r"what i(?:'m| am) hearing",
    r"i(?:'m| am)? ?hearing (?:that|you)",
    r"i hear (?:that|you)",
    r"in other words",
    r"on (?:the )?one hand",
    r"on the other hand",
    r"part of you",
    r"(?:a|one) part of you",
    r"it(?:'s| is) (?:important|hard|difficult|frustrating|scary|confusing) (?:for|to) you",
    r"that(?:'s| is| must be| sounds) (?:hard|difficult|tough|frustrating|scary|painful|a lot)",
    r"(?:it's|that's) been (?:hard|difficult|tough|a lot)",
    r"there(?:'s| is) (?:a part|some)",
    r"you(?:'d| would) like",
    r"(?:if i|let me (?:see if i|make sure i)) (?:understand|got)",
    r"if i(?:'ve| have) got (?:this|that|it|you) right",
]
REFLECTION_ANYWHERE = [
    r"(?:so |and )?what i(?:'m| am) hearing",
    r"if i(?:'m| am) (?:hearing|understanding) (?:you )?(?:correctly|right)",
    r"sounds like you",
    r"you(?:'re| are) saying",
    r"on the other hand",
    r"for you it(?:'s| is)",
    r"it(?:'s| is) (?:really )?important to you",
    r"(?:important|meaningful|right|hard|difficult|a big deal|scary|new|matters?) (?:to|for) you$",
    r"(?:i(?:'m| am)|am i|i) (?:also )?hearing",
    r"i(?:'m| am) (?:also )?picking up (?:that|on|from you)",
    r"what i hear",
    r"i get the (?:feeling|sense|impression)",
    r"it strikes me",
    r"(?:it's|it is) (?:almost )?as if",
]

# Statements opening on the speaker or the session itself ("I...", "Let's..."): not a
# reflection of the other's experience.
SELF_START = r"^(?:best (?:decision|thing|move|investment) i|when i|back when i|i remember when|i|i'm|i've|i'd|i'll|me|we|we're|we've|we'll|we'd|my|our|us|let's|let me|thank|thanks|hi|hello|hey|bye|good morning|good afternoon|welcome|nice to|see you)\b"

# First-person openings that voice understanding, not own content ("I see", "I get it").
EMPATHY_START = r"^(?:i|we) (?:(?:can |totally |really |completely |do )?(?:understand|see|hear|get it|get that|know|appreciate|agree|remember|hear you)|(?:'m|am) (?:so |really |very )?(?:sorry|glad|happy|hearing|wondering|curious|interested|not sure))"

# Imperative advice opening a statement ("Try to...", "Make sure you...").
ADVICE_START = r"^(?:just |please |maybe |so )?(?:say the|quote|ask for|try|start|stop|avoid|make sure|remember|don't forget|consider|think about|keep|cut|take(?! care\b)|go(?! on\b| ahead\b)|call|write|tell (?:him|her|them)|get (?:it|them|yourself|a|an|the|your)|put|raise|charge|bring|post|add|use|double|drop|push)\b"

# Summaries open with "so": a statement that starts this way gives back what was heard.
SUMMARY_START = r"^(?:(?:okay|ok|yeah|yes|mm-?hmm|mm|right|all right|alright|um+|uh+|and|well|oh|hmm+|sure|i see)[\s,.-]*)*(?:so|sounds like)\b"

# The speaker pushes own content: information, advice, persuasion, options.
INPUT = [
    # a general claim about people, told as knowledge ("agencies are always drowning", "cafes never
    # switch bookkeepers", "they all do that")
    r"(?:[a-z]+s|they|people|clients|customers) (?:are |will |do )?(?:always|never) (?!mind\b)\w+",
    r"they all (?:do|say|want|try|haggle)\b",
    r"(?:most|many) (?:[\w-]+ )?[a-z]+(?:s|people) (?:are|do|don't|can't|won't|"
    r"love|hate|just|never|always)\b",
    r"everyone does (?:it|that)\b",
    r"every (?:[\w-]+ ){1,2}does\b",
    r"if it were me\b",
    r"it pays for itself\b",
    r"they'll (?:pay|say yes|love it|come back|thank you)\b",
    r"(?:pick (?:that|this|it) up|go over (?:that|this|it)) (?:on|in|at|during) (?:[\w']+ ){0,2}"
    r"(?:call|session|chat)\b",
    # reassurance and persuasion: "you'll be fine", "you'll make that back", "you're overthinking it"
    r"you'll (?:be fine|be okay|be ok|make (?:that|it) back|thank me|love it|see)\b",
    r"you're overthinking (?:it|this|that)\b",
    r"everyone says that",
    r"that's what i see (?:everywhere|all the time)",
    # an offer of help, the agenda set by the speaker, a rule of thumb about people
    r"(?:^|(?<=[.,] ))(?:happy|glad) to (?:look|help|review|check|go over|read)\b",
    r"(?:what )?we(?:'ve| have) got to (?:sort out|work on|look at|fix|figure out)\b",
    r"(?:the ones|people|those|clients|owners|customers) who (?:[\w']+ ){1,8}?(?:are usually|usually|tend "
    r"to|typically)\b",
    r"(?:that's|it's) (?:classic|typical|always the way)\b",
    r"(?<!what )(?<!how )(?:you|we)(?:'ve)? (?:really |just |definitely |seriously |absolutely |probably |"
    r"still |also )?(?:should\b(?! be (?:proud|pleased|happy|glad)\b)|ought to|"
    r"must\b(?! be\b| like\b| love\b| feel\b| have been\b| know\b| think\b)|had better|'d better)",
    # an obligation in a subordinate clause reports the other's situation ("the reasons you
    # have to quit", "told that you have to"): only a main-clause one pushes
    # (look-behinds after the pronoun: a leading one would disable the regex prefix scan)
    r"(?:you|we)(?<!what you)(?<!how you)(?<!that you)(?<!when you)(?<!things you)"
    r"(?<!reasons you)(?<!knows you)(?<!what we)(?<!how we)(?:'ve)? "
    r"(?:really |just |definitely |seriously |absolutely |probably |still |also |do )?"
    r"(?:need to|have to|gotta|got to)",
    r"(?:one thing )?you(?<!if you)(?<!that you)(?<!what you)(?<!how you) "
    r"(?:could|might want to|may want to) (?!be\b|have\b|not\b|say\b|do\b)\w+",
    r"you(?:'d| would) (?:be better|benefit|need to)",
    r"you (?:might|may|could) (?:want to|try|consider|think about|start|also)",
    r"i(?:'d| would)? (?:strongly |really |definitely |just |also )?(?:recommend|suggest|advise|"
    r"encourage|urge)",
    r"it (?:usually |often |really |generally )?(?:works|helps|can help)(?: \w+)? (?:if|when|to)",
    r"i(?: would|'d) (?:say|want you to|like you to|encourage)",
    r"my (?:advice|suggestion|recommendation|recommendations|concern)",
    # the speaker's own concern ("I'm just so concerned", "that's concerning to me")
    r"i(?:'m| am) (?:just |so |really |very |a little |a bit |a little bit |quite |also )*"
    r"(?:concerned|worried)\b",
    r"(?:is|are|that's|it's|was) (?:kind of |a bit |a little |really |very |quite )?"
    r"(?:concerning|worrying|worrisome)(?! you\b)",
    r"(?:it(?:'s| is)|it would be|that(?:'s| is)) (?:important|essential|best|better|"
    r"a good idea|helpful|recommended|necessary) (?:to(?! (?:you|him|her|them|me)\b)|that|for)",
    # "I can tell you're a good mom" perceives, it does not tell: an affirmation
    r"(?:let me|i can|i could|i'll|i will|i'd like to) (?:explain|show|"
    r"tell(?!(?: that)? you(?:'re| are| really| have| seem| feel| care| want| love| know)\b)|"
    r"give|share|offer|provide|send|recommend|refer|walk you)",
    r"here(?:'s| is) (?:what|how|the)",
    r"(?:research|studies|study|evidence|data|science|experts|doctors|guidelines|statistics)"
    r" (?:show|shows|says|suggest|suggests|found|has shown|have shown|recommend|indicate)",
    r"(?:the )?(?:recommended|safe|healthy|normal|maximum|average) (?:amount|limit|level|dose|"
    r"range|number)",
    r"(?:increases?|raises?|lowers?|reduces?|doubles?) (?:the|your) (?:risk|chance|chances)",
    r"(?:can|could|will|may|might) (?:cause|lead to|result in|damage|increase|reduce|harm)",
    r"(?:a lot of|many|most|some) (?:people|patients|clients|folks|customers) (?:find|say|tell|"
    r"do|who|have|try|use|choose|prefer|like)",
    r"there (?:are|is) (?:a (?:few|number of|couple of|lot of)|several|some|many|other) "
    r"(?:options|ways|things|programs|resources|medications|choices|strategies)",
    r"one (?:option|thing you could|way|approach|idea) (?:is|would be|might be)",
    r"(?:we|i) (?:offer|provide|run) (?:a|an|some|the|several)",
    r"what (?:we|i) (?:usually|often|normally|typically) (?:do|recommend|suggest|see)",
    r"(?:how about|what if) (?:we|you)",
    r"let's (?:set|make|plan|try|agree|schedule|start|look at|talk about|go over)",
    r"(?:per|a|each|every) (?:day|week|month|year)\b.*\b\d",
    r"\d+ ?(?:%|percent|per ?cent|dollars|euros|mg|drinks|units|times)",
    r"(?:our|my) (?:product|offer|solution|platform|service|program|method|approach|package|"
    r"plan|tool|team|company)",
    r"the (?:best|right|only) (?:way|thing|solution|option|choice) (?:is|would be)",
    r"(?:could|would|might) be the best (?:thing|way|option|choice)\b",
    r"if i were you",
    r"(?:maybe|perhaps) you (?:can|could|should|might|ought to) (?!be\b|have\b)\w+",
    r"(?:it|that|this) (?:might|would|could|will) (?:really )?be (?:good|helpful|a good idea|useful|"
    r"better|best|wise|smart|important|reasonable|worth|a safe place),? (?:to|for|if|is|\w+ing)\b",
    r"you(?:'re| are) (?:not )?(?:gonna|going to) (?:have to|need to|be able to|regret|lose|fail)",
    r"i(?:'ll| will) (?:plan|arrange|schedule) (?:to|a|an|for)",
    r"we (?:define|call|consider|recommend|suggest|usually recommend|often see)\b",
    r"what (?:we|they|doctors|people) call",
    r"(?:one|another|a) (?:good |great |other )?(?:option|idea|possibility|suggestion|thing "
    r"(?:that|you) (?:could|might|can))\b",
    r"a (?:couple|few) (?:of )?(?:ideas|options|suggestions|things you could)",
    r"what (?:some|many|other|most) (?:people|clients|patients|folks)(?: \w+){0,3} do is",
    r"(?:it's|it has|it's been|it has been) (?:been )?(?:helpful|useful) for (?:some |other |a lot "
    r"of )?(?:other )?(?:people|clients|patients|folks)",
    r"(?:some|many|other) (?:people|clients|patients|folks) (?:find|found|say|like|prefer|choose)",
    # an option offered, not what the other can do in a subordinate clause ("that you can do it")
    r"you(?<!if you)(?<!that you)(?<!what you)(?<!how you)(?<!and you)(?<!as you)(?<!body you) "
    r"can (?:always |also |just )?"
    r"(?:come|call|ask|talk|work|bring|contact|reach|use|try|go|book|get|tell|say|stop|start)\b",
    r"that's something (?:you|we) (?:can|could|might)",
    # an option pointed at: "something you can get to", "places that you can work with"
    r"(?:something|things|places|ways|people|resources|options) (?:that )?you (?:can|could|might) "
    r"(?!do\b|be\b|have\b|feel\b)\w+",
    r"i think (?:that )?(?:if )?(?:you|it|that|this|we)\b[^.?!]{0,40}\b(?:would|will|could|should|"
    r"might|need)\b",
    r"if you (?:have|want|need) (?:any )?(?:more )?(?:questions|help|information|support)",
    r"just (?:tell|try|call|ask|go|take|make|write|keep|stop|say)\b",
    r"(?:is it|would it be) (?:okay|ok|alright|all right) (?:with you )?if (?:i|we) (?:share|go over|"
    r"give|tell|talk|look|offer|explain|take)",
    r"would you (?:like|want) (?:some|me to|more) (?:information|advice|tips|ideas|share|give|tell|"
    r"explain)",
    r"i(?:'d| would) like to (?:go over|share|give|tell|explain|suggest|offer|review)",
    r"i(?:'ll| will) (?:be by|check|call|send|give|get|set|refer|write|email|text)\b",
    r"(?:it|that|this)(?:'s| is|'ll| will| would| can) (?:gonna |going to )?(?:be |become )?(?:pretty |"
    r"very |really |quite |usually )?(?:effective|serious|dangerous|risky|harmful|safe|rare|"
    r"common|normal|confidential)\b",
    r"in my (?:experience|opinion|view)",
    r"(?:we|i)(?:'ll| will| can| could| need to| have to|'re going to| are going to| are gonna|"
    r"'re gonna) (?:set|schedule|send|give|refer|make|start|look at|check|recheck|go over|need|"
    r"provide|offer|book|arrange|write|prescribe|follow up|see you)",
    r"i(?<!if i)(?:'ve| have) (?:got|brought) (?:a|an|some|the|this)(?! right\b)",
    r"(?:according to|based on) (?:your|the|our|what)",
    r"(?:is|are) (?:more|less|very|much more) likely",
    r"(?:we|doctors|experts|researchers|people) (?:know|define|recommend|consider|found|believe) "
    r"(?:that|it|this|as|if)",
    r"we (?:do )?know (?:that|if|from)",
    # a claim about effects ("it can help", "that will take"); a "would" rather voices the
    # other's own hypothesis ("having childcare would help"), so it is left out
    r"(?:can|could|may|might|will)(?<!you can)(?<!i can)(?<!you could) "
    r"(?:really |also |actually |definitely |often |usually )?"
    r"(?:help|cause|lead|increase|reduce|lower|raise|affect|damage|improve|make it easier|"
    r"get you|take)",
    r"we (?:can|could) (?:also )?(?:take|look|try|talk|work|do|start|set|make|discuss|pursue|"
    r"figure|explore|go)",
    r"you(?:'ll| will|'re going to|'re gonna| are going to| are gonna) (?:need|have) to",
    r"i(?:'ve| have)? found (?:that|in|when|over)",
    r"what i(?:'ve)? found",
    r"i(?:'m| am) (?:here|happy|glad) to (?:help|give|share|explain|provide)",
    r"(?:do|don't) you (?:understand|realize|realise|appreciate|see) (?:that|how|what|the)",
    r"you know (?:very well|full well)",
    r"(?:it|this|that)(?:'s| is) (?:called|known as|defined as|a sign of|a symptom|normal to|"
    r"common|recommended|the law|required|mandatory|not safe|safe)",
    r"i (?:can |could )?(?:see|saw|noticed|notice) (?:that|on|from|in) (?:your|the)",
    r"i (?:see|saw|noticed|notice) (?:that )?your",
    # feedback from what the speaker observed ("I see you've had...", "I noticed some...")
    r"i (?:see|noticed|notice) (?:that )?you(?:'ve| have)\b",
    r"(?:i|we) noticed (?:some|that you(?!'re| are| said))\b",
    r"just so you know",
    r"my (?:role|job|goal) (?:is|here|today)",
    r"the (?:goal|idea|plan|next step|purpose|point) (?:is|would be|here)",
    # (two fragments: with "\d" in the group the rule was filed under "has a digit")
    r"we have (?:about|a few|some|a couple of)",
    r"we have \d",
    r"(?:there(?:'s| is| are)) (?:a|an|some|two|three|several|many) (?:\w+ )?(?:risk|risks|"
    r"categories|types|kinds|ways|programs|products|options|studies|resources|medications)",
    # information as a claim about people in general ("a lot of people...", "for most folks")
    r"(?:a lot of|lots of|many|most|some) (?:other )?(?:people|folks|guys|women|men|parents|"
    r"students|clients|patients|customers)\b(?! like me\b)",
    r"you(?:'re| are) not alone",
    r"sometimes,? (?:when |if )?(?:people|we|it|they|folks|guys)\b",
    # agenda-setting: the speaker steers the session with own plan ("before you leave...",
    # "the way this works is...", "I'd like to ask you a few questions")
    r"before (?:you leave|we (?:finish|go any further|end|wrap up|get started))",
    r"the way (?:this|it|we) (?:usually |normally |typically )?works?",
    r"what (?:i'd|i would|we'll|we will|we're going to|we're gonna|i'm going to|i'm gonna) "
    r"(?:like to |want to )?do",
    r"i(?:'d| would) like to (?:ask|talk|gather|spend|start|check|look)\b",
    r"i (?:wanted|want) to (?:talk to you|talk with you|ask you|check in|go over|let you know)",
    r"the reason (?:why )?i(?:'m asking| ask| asked)",
    r"(?:part of|one of) my (?:job|jobs|role)",
    r"part of (?:being here|what we do|the work)",
    # describing what will happen in the session ("we're going to...", "you and I will...")
    r"(?:we|you and i)(?:'re| are) (?:gonna|going to)\b",
    r"(?:we(?:'ll| will)|you and i will) (?:be able to|be doing|be working|work|start)\b",
    # enumerating own content ("the other thing is...", "another option would be...")
    r"the other (?:thing|things|aspect|option|source|piece|part) (?:is|are|would be|that (?:need|needs|"
    r"we|i))\b",
    r"another (?:thing|source|option|aspect|idea|way) (?:is|would be|that (?:we|i)|was)\b",
    r"one of the (?:\w+ )?(?:risks|effects|symptoms|benefits|challenges|problems|dangers|advantages) "
    r"(?:of|is|with)\b",
    r"one of the things (?:that )?(?:we|i) (?:use|do|offer|recommend|see|know|don't want|suggest)\b",
    # relaying what a third party said ("your manager told me...", "your mom gave me a call")
    r"(?:your|the) \w+ (?:had |has )?(?:told me|called me|gave me a call|given me a call|let me know|"
    r"mentioned to me|sent me)",
    # an offer of the speaker's own help or time ("I'd be happy to...", "I'm willing to...")
    r"i(?:'d| would) (?:love|be (?:very |really )?happy|be glad) to\b(?! hear| know| learn| listen| understand)",
    r"i(?:'m| am) (?:willing to|available|here for you)",
    r"(?:i|we) (?:can|could|'ll|will) get back to you",
    # a wish for the other's behaviour is advice ("I hope you consider...", "I wish you would...")
    r"i (?:hope|wish) (?:that )?you(?:'d| would| will| can| could| consider| really| try)\b",
    # a rule stated ("you're not allowed to...", "what we say is confidential")
    r"(?:not|n't) allowed to",
    r"(?:we have|there are|there's) (?:\w+ )?(?:rules|a rule|a policy)\b",
    r"(?:report|form|record|file|results?|questionnaire) (?:says|states|shows|indicates)",
    r"(?:that|it|this)(?:'s| is) (?:pretty |very |highly |quite |really )?(?:unlikely|likely)\b",
    r"i(?:'ve| have) (?:also )?heard (?:that|of|about)\b",
    r"(?:is|are) (?:confidential|mandatory|required by)",
    # a generic claim with a frequency adverb ("those are often...", "it's typically...")
    r"(?:those|these|they|it)(?:'re| are|'s| is) (?:often|usually|typically|generally)\b(?! you\b)",
    # "what you need to do now is..." announces advice
    r"what (?:you|we) (?:need|have|ought) to do (?:now |next |here )?is\b",
    # the speaker's own next step in the present ("I'm sending you the deck tonight")
    r"i(?:'m| am) (?:sending|emailing|forwarding|preparing) you\b",
]

# Persuasion dressed as a question ("Don't you think you should...?"): own content pushed.
PERSUASION = [
    r"don't you think",
    r"(?:yeah|yes|okay|ok|well|sure|right),? but (?:you|your|that|it|this)\b",
    r"come on(?! board| in\b| over| back| down| up\b| out\b)",
    r"wouldn't it be (?:better|good|nice|easier|wise|smart)",
    r"why don't you(?! (?:tell|fill|share|talk|describe|walk|say|explain|start by telling))",
    r"why not (?:just |try|start|stop|give)",
    r"what were you thinking",
    r"(?:do|don't) you (?:understand|realize|realise|appreciate|see) (?:that|how|what|the)",
    r"(?:isn't|is it not) (?:it )?time (?:to|you)",
    r"(?:shouldn't|wouldn't) you (?:be|try|stop|start|want)",
    r"(?:have|haven't) you (?:ever )?(?:considered|thought about) (?:trying|using|switching|buying|"
    r"signing|taking|going|stopping|cutting)",
    r"(?:can|could) you (?:try|stop|start|just)",
    r"how about (?:you|we|trying|using|switching|signing)",
    # reassurance and promises: the speaker's view pushed ("you shouldn't worry", "trust me")
    r"you (?:really |just )?shouldn't (?!have\b|be\b)\w+",
    r"trust(?<!can trust)(?<!to trust)(?<!'t trust) me\b",
    r"(?:take it from me|mark my words)\b",
    r"you(?:'ll| will|'re going to|'re gonna| are going to) (?:love|adore|enjoy) (?:it|this|that|our|the)\b",
    r"you(?:'ll| will) see\b(?:,| the difference)",  # (\b: filed under "see", not "will")
]

# A plan, an arrangement or an offer the speaker puts forward, even as a question ("Shall we
# meet next week?", "Would you like me to send it?"): the speaker steers with own content.
# Questions asking the other for THEIR plan ("What would you like to do next?") are not here.
PROPOSAL = [
    r"(?:should|shall|can|could|why don't|how about) we (?:meet|get together|set up|schedule|book|"
    r"arrange|come back|talk again|see each other|pick a date)",
    r"(?:would|do) you (?:like|want) me to\b",
    r"shall we\b",
    r"(?:would you like to|do you want to|can you|could you) come back",
    r"(?:come back|meet|see me|get together|talk) again (?:next|in|on|at)\b",
    # a slot or a joint task put forward without a modal ("Same time next week?", "wanna
    # catch up Thursday", "would you like to prepare it together?", "would it help if I...")
    r"same time (?:next|tomorrow|on|at|in)\b",
    r"(?:pencil|book|lock) you in\b",
    r"would it (?:help|be (?:helpful|useful)) to (?:[\w']+ ){1,5}together\b",
    r"(?:wanna|want to) (?:talk|go over|look at) (?:[\w']+ ){0,3}(?:on|this|next|tomorrow) "
    r"(?:monday|tuesday|wednesday|thursday|friday|week|morning|afternoon)\b",
    r"(?:talk|speak|see you) (?:on )?(?:monday|tuesday|wednesday|thursday|friday|next week)\b",
    r"(?:wanna|want to|shall we|should we|can we|could we|let's) (?:catch up|touch base|check in|"
    r"hop on a call|jump on a call|have a call|do a call|meet up|follow up)\b",
    r"(?:would you like|do you want|you want|wanna) (?:to )?(?:[\w']+ ){1,6}together\b",
    r"(?:shall|should|could|can) we (?:[\w']+ ){1,6}together\b",
    r"would it (?:help|be (?:helpful|useful)) if (?:i|we)\b",
    # (not "how will that work for you?", which asks the other's view)
    r"(?:do|does|would|will)(?<!how do)(?<!how does)(?<!how would)(?<!how will) (?:[\w']+ ){1,3}"
    r"(?:work|suit) "
    r"(?:for )?you\b",
]

SELF_PROMOTION = [
    r"i(?:'ve| have) (?:worked|helped|coached|trained|been doing this|been in this|been working)"
    r" (?:with|for|in|hundreds|thousands|dozens|so many|many|\d)",
    r"my (?:experience|expertise|track record|credentials|background|results|success|clients|"
    r"method|methodology|approach|book|award|certification)",
    r"i(?:'m| am) (?:an expert|the best|certified|known for|one of the (?:best|top|leading)|"
    r"really good at|great at|very good at)",
    # a superlative about the speaker's company ("we're the number one platform", "we're the
    # fastest growing...") or a count of clients ("we work with over 5,000 shops")
    r"we(?:'re| are) the only\b",
    # clients won from others, the biggest client shown off
    r"(?:half|most|many|lots|loads|a lot|plenty|dozens|hundreds) of our (?:customers|clients) "
    r"(?:switched|came|moved|left|jumped)",
    r"our (?:biggest|largest|best|top) (?:client|customer|account)\b",
    r"i(?:'ve| have) (?:coached|trained|helped|worked with) (?:over |more than |nearly )?(?:\w+ )?(?:hundred|"
    r"thousand|dozen)",
    r"(?:practices|businesses|clients|shops|salons|people|firms) like (?:yours|you) (?:usually|typically|"
    r"often|always) (?:see|get|save|cut|double)\b",
    r"(?:is|we're|we are) the number one\b",
    r"(?:we've got|we have|i've got|i have) (?:over |more than |nearly |almost )?\d[\d,]* (?:[\w-]+ ){0,2}"
    r"(?:clients|customers|users|businesses|members|companies)\b",
    r"(?:we've got|we have) (?:over|more than|nearly|almost) \d[\d,]* [\w-]+s\b",
    r"(?:we've got|we have|we're in) (?:like |over |more than |nearly |almost )?(?:\w+ )?(?:hundred|"
    r"thousand) (?:[\w-]+ ){0,2}(?:on it|using it|on board|clients|customers|practices|cafes|shops|salons)\b",
    r"we integrate with (?:basically |pretty much |almost )?(?:everything|every)\b",
    # a success story of the speaker's own client
    r"(?:i've got|i had|i have) a client(?:,| who| that)",
    r"(?:our|my) (?:clients|customers) (?:see|get|save|report|double|cut)\b",
    r"(?:that's|thats|it's|its) my (?:[\w-]+ ){0,3}(?:method|system|framework|formula|script)\b",
    r"works every time\b",
    r"i(?:'ve| have) had (?:[\w-]+ ){0,2}(?:double|triple|doubling|tripling)\b",
    r"one of my (?:[\w-]+s) (?:in [\w-]+ )?(?:did|landed|went|had|got|made|doubled)\b",
    r"i (?:basically |literally |totally )?turned (?:their|his|her) (?:whole )?business around\b",
    r"(?:don't|doesn't) (?:understand|know|get) (?:[\w-]+ ){0,2}like we do\b",
    r"we(?:'re| are) (?:now |still |actually )?(?:the |a )?(?:best|leader|leading|number one|"
    r"market leader|award-winning|ranked|fastest|biggest|largest|cheapest|most (?:trusted|"
    r"popular|used|advanced|complete))\b",
    r"(?:we|i)(?:'ve| have)? (?:already |now |currently )?(?:work|worked|working|partner|partnered|"
    r"serve|served|help|helped|coach|coached|train|trained|support|supported|equip|equipped|"
    r"advise|advised) (?:with |for )?(?:over |more than |nearly |almost |close to |upwards of )?"
    r"(?:\d+|hundreds|thousands|dozens|a (?:hundred|thousand|million))",
    r"we (?:have|count|serve) (?:over|more than|nearly|almost|close to|upwards of) "
    r"(?:\d+|hundreds|thousands|a (?:hundred|thousand|million))",
    r"(?:the )?(?:best|cheapest|fastest|leading|number one|biggest|largest) (?:[\w-]+ ){0,3}"
    r"(?:on|in) the (?:market|industry|sector)",
    r"(?:voted|named|rated|ranked|elected) (?:as )?(?:the )?(?:best|number one|#1|top)\b",
    r"the best (?:[\w-]+ ){1,2}you(?:'ll| will) ever",
    # clients taken from others ("everybody's leaving them for us", "they switched to us")
    r"(?:switch|switching|switched|leaving) (?:over )?(?:\w+ )?(?:to|for) us\b",
    r"(?:our|my) (?:clients|customers) (?:love|say|tell|rave)",
    r"i (?:personally )?(?:won|built|created|founded|invented|wrote)",
    r"(?:award|awards|award-winning|best-selling|bestselling|top-rated)",
    r"(?:let me tell you |a (?:little )?bit |quickly |briefly |a (?:few )?words? )about (?:us|"
    r"ourselves|me|myself|who we are|what we do)\b",
]

# Generic mentions; the user's --lexicon adds product and competitor names.
OWN_OFFER = [
    r"(?:our|my) (?:product|products|offer|offers|offering|solution|solutions|platform|service|"
    r"services|program|programme|package|plan|plans|tool|software|subscription|pricing|price)",
    r"(?:we|i) (?:offer|sell|provide)",
    r"(?:our|my) [\w-]+ (?:product|platform|program|programme|package|tool|software|app|"
    r"subscription|solution|offer)\b",
    # a concession, a demo, a price praised: the speaker's own offer
    r"(?:i|we) (?:can|could|'ll|will) (?:give|offer|do|get) you (?:a |an |some )?(?:discount|deal|"
    r"special (?:price|rate|offer)|better price|reduction|rebate)",
    r"(?:if i|i can|i could|let me|i'll|i will|i'd like to|want me to) (?:show|showed|demo|"
    r"demonstrate) (?:you )?(?:the|our|my|how our)\b",
    r"(?:i can|i could|let me|i'll|want me to|shall i) show you\b",
    r"(?:i'll|i will|let me|i can) (?:send|bring|share|email) (?:you )?(?:over )?(?:the |our |my |clear "
    r"|a )?(?:pricing|prices|quote|proposal|contract|demo)\b",
    r"(?:i'll|i will) send the (?:contract|proposal|quote)\b",
    r"(?:i'll|i will) get our (?:[\w-]+ )?team to\b",
    r"(?:no contract|no commitment|cancel (?:any ?time|whenever))\b",
    r"our team (?:handles|does|takes care|sets|will)\b",
    r"(?:that's|this is) (?:exactly )?(?:the sort|the kind) of thing we\b",
    r"we (?:do|have|run) a (?:whole |full |dedicated )?(?:module|session|workshop|course) on\b",
    r"(?:the|a|my|our) (?:booking|payment|sign-up|signup) link\b",
    r"(?:only )?\d+ (?:places|spots|seats) left\b",
    r"knock (?:it|that) down\b",
    r"a month per (?:salon|user|seat|site|location|van|clinic|studio)\b",
    r"if you sign (?:up )?(?:this week|today|before|by)\b",
    r"(?:the|our) (?:friday|early|launch|special|intro) price\b",
    r"i run a (?:workshop|course|programme|program|bootcamp|masterclass)\b",
    r"(?:a|one) spot (?:left|next|in|for)\b",
    r"(?:spots|places|seats) (?:are|r) going fast\b",
    r"a free (?:week|fortnight|month)\b",
    r"with us,? (?:the|you|it|everything|there's)\b",
    r"(?:all|fully) automatic\b",
    r"the promo (?:closes|ends|runs out)\b",
    r"(?:i'll|i will) (?:pop|send|get) the contract\b",
    r"stick with me\b",
    r"a month for the (?:whole|entire) (?:firm|team|company|shop|practice|studio)\b",
    r"(?:a|one|our) feature (?:where|that|which)\b",
    r"(?:very |really |extremely )?competitive (?:price|pricing|rate|offer)",
    r"our (?:results|case studies|references|testimonials) (?:from|with|for)",
    # the speaker's product, its price and its concessions ("ours does all three", "for you I can
    # do 59", "I'll throw in the onboarding", "early bird is 200 off", "it's normally 500")
    r"(?<!of )\bours (?:does|has|is|can|will|\w+s)\b",
    r"(?:for you|today|this week) i (?:can|could) (?:do|give|offer|make it)\b",
    r"(?:i'll|i will|i can|i could|we'll|we can) throw in\b",
    r"throw in (?:the |a |free |your )?(?:setup|set-up|onboarding|training|installation)\b",
    r"knock (?:\w+ ){1,2}(?:percent |%)?off\b",
    r"(?:i can|i could|let me) do something (?:special|extra|nice) for you\b",
    r"(?:the|this|that|our) (?:discount|deal|offer|promo|price) (?:ends|runs out|is only|till|until)\b",
    r"(?:hold|keep) (?:the|that|this) (?:discount|price|deal|offer)\b",
    r"our (?:app|tool|software|platform|system|product) (?:does|has|can|will|is|lets|runs)\b",
    # (each fragment opens on a word or a digit: the index files it under that key)
    r"early bird",
    r"(?:\d+|\d+%) (?:percent )?(?:off|discount)\b",
    r"free (?:trial|onboarding|setup|set-up|month|demo)\b",
    r"(?:normally|usually) (?:it's |its |it is )?\d+",
    r"(?:that's|it's|its) (?:normally|usually) \d+",
    r"(?:my|our) next (?:group )?(?:program|programme|cohort|workshop|course|bootcamp)\b",
    r"(?:our|the) (?:live |new )?(?:feature|features|app|dashboard) (?:everyone|all our|people|"
    r"customers|clients) (?:love|loves|use|uses)\b",
    # the product presented without the word "our": "our clients see a forty percent jump", "we've got
    # over 4,000 trades businesses on it", "it plugs into your booking system", "a demo on monday",
    # "the elite package", "the booking link", "early bird", "the discount"
    r"our (?:clients|customers|users|members) (?:see|get|save|say|love)\b",
    r"we've got (?:like |over |more than |about |around )*[\w,-]+ (?:[\w-]+ ){0,3}on it\b",
    r"it (?:plugs into|integrates with|syncs with|works with|exports|replies to|sends the|answers|books)\b",
    r"(?:a|the) (?:demo|trial|walkthrough) (?:on|this|next|before)\b",
    r"(?:my|our) (?:[\w-]+ )?(?:package|programme|program|workshop|bootcamp|masterclass|course)\b",
    r"the (?:[\w-]+ )?(?:package|programme|workshop|bootcamp|masterclass) (?:i|we)\b",
    r"the (?:elite|premium|gold|vip|pro|starter|basic) (?:package|programme|program|plan)\b",
    r"(?:the|a|my) booking link\b",
    r"early bird\b",
    r"(?:the|this|that) discount\b",
    r"(?:is|it's) (?:invoicing|software|a tool|a crm|an app|the app|the tool) (?:built|made|designed) for\b",
    r"(?:way |much )?better than (?!before|last|that|this|you|ever)\w+ for\b",
]
COMPETITOR = [
    r"(?:competitor|competitors|competition|the other vendors?|other providers?)",
    r"your (?:current|old|previous|existing) (?:provider|vendor|supplier|solution|tool|coach)",
    # the speaker's product compared with another ("way better than quickbooks for trades")
    r"(?:way|much|miles|so much) better than\b",
    # competitors named by their kind ("the big vendors", "those online coaching apps")
    r"(?:the|those|these) (?:big|large|other|traditional|usual|cheap|cheaper|online|generic) "
    r"(?:[\w-]+ ){0,2}(?:vendors|providers|players|platforms|apps|agencies|firms|companies|"
    r"suppliers|brands)\b",
]

ASSUMPTION = [
    r"i reckon\b",
    r"(?:they|they're|he|she|most of them) (?:are |will |'re )?probably\b",
    r"i (?:guess|assume|suppose|imagine|bet|presume|figure) (?:that )?(?:you|your|it's|this|"
    r"that|the|people)",
    r"you (?:probably|must|surely|certainly|obviously|clearly|no doubt)",
    r"i(?:'m| am) (?:sure|certain) (?:that )?(?:you|your)",
    r"(?:no doubt|obviously|surely|of course) (?:you|your)",
    r"you(?:'re| are) (?:probably|surely|certainly|obviously)",
    r"like (?:everyone|everybody|all (?:my|our) (?:clients|customers))",
    r"bet (?:you|your)",
    r"let me guess\b",
    r"i(?:'m| am) guessing\b",
    r"(?:people|someone|everyone) like you (?:always|usually|tend|all)",
    r"you(?:'ll| will) (?:love|like|enjoy) (?:it|this|our)",
]

SMALL_TALK = [
    r"(?:the|this|nice|lovely|beautiful|terrible|awful|crazy|great) weather",
    r"(?:it's|it is|so) (?:hot|cold|sunny|rainy|raining|snowing|freezing) (?:today|out|outside|here)",
    r"(?:your|the|this|last|good|nice|long) weekend",
    r"plans for the (?:weekend|holidays|summer|long weekend)",
    r"(?:the|this) traffic\b",
    r"how(?:'s| is) (?:the|your) (?:new )?[\w-]+ treating you\b",
    r"(?:beautiful|lovely|gorgeous|glorious|horrible|miserable) day (?:out there|today|out)\b",
    r"finally some sun\b",
    r"(?:gorgeous|beautiful|lovely|stunning|amazing) (?:practice|clinic|place|premises|waiting room)\b",
    r"(?:your|the|last|summer|next) (?:holiday|holidays|vacation|trip)",
    r"(?:the|last night's|did you (?:see|watch) the) (?:game|match|game last night)",
    r"(?:amazing|great|crazy|incredible|what a|awesome) (?:game|match|weekend|weather)",
    r"how are you(?: doing)?(?: today)?$",
    r"how(?:'s| is) it going",
    r"how(?:'s| is| was) your (?:day|week|weekend|morning|trip|family)",
    r"nice to (?:meet|see) you",
    r"(?:love|like) your (?:office|shirt|jacket|background|dog|house|view)",
    # compliments on the place, to be liked ("what a gorgeous shop, love the decor")
    r"(?:great|beautiful|lovely|gorgeous|cool|amazing|stunning) (?:office|shop|salon|store|studio|"
    r"space|decor|view|premises)",
    r"(?:love|like) the (?:decor|place|vibe|space|view)",
    r"(?:your|the) (?:office|shop|salon|store|studio|place|space) (?:is|looks) (?:great|beautiful|"
    r"lovely|gorgeous|amazing|stunning|so nice)",
    r"(?:traffic|parking) (?:was|is)",
    r"(?:football|soccer|baseball|basketball|tennis|golf|the super bowl|the playoffs)",
    # "did you catch the arsenal game", "u watching the grand prix", "that downpour", "anything nice
    # for christmas", "we're off to tenerife"
    r"(?:did you|you) (?:catch|see|watch|watching) the (?:[\w-]+ ){0,2}(?:game|match|race|grand prix|final|fight)\b",
    r"(?:that|the|this) (?:downpour|storm|heatwave|snow|rain|sunset|sunshine)\b",
    r"(?:doing|do|got) anything nice (?:for|this|over)\b",
    r"(?:we're|we are|i'm|i am) off to (?!a |the |see |meet |work)\w+",
    r"enjoy (?:the|your) (?:sunshine|sun|roast|holiday|break|trip)\b",
    r"where did you go on yours\b",
]
# Opening greetings, at the head of the turn even when a question follows ("Hi Maya, what would
# you like to get out of today?" greets and asks).
GREETING = [
    r"(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|morning|evening|welcome)",
    r"(?:lovely|good|great|nice|so good) to (?:see|hear from) you",
    r"(?:thanks|thank you) for (?:coming|joining|having me|taking the time|your time|making the time|"
    r"taking the call|taking my call|seeing me|meeting with me)",
    r"(?:bye|goodbye|see you|take care|have a (?:good|nice|great) (?:day|one|weekend))",
]
# Closing greetings at the end of the turn, a name or two words after them at most ("Awesome,
# enjoy the rest of your day!", "perfect talk then", "See you next time"; not "the next time I
# see you we'll..." nor "take care of yourself first").
FAREWELL = (
    r"(?<![\w'-])(?:bye|goodbye|see you|see ya|take care|cheers|laters|ttyl|talk (?:to you )?(?:soon|then|later|"
    r"tomorrow|next (?:week|wk|time)|on \w+day|\w+day|mon|tues|wed|thurs|fri)|speak (?:to you )?(?:soon|then|tomorrow|"
    r"next (?:week|wk|time)|\w+day|mon|tues|wed|thurs|fri)|"
    r"have a (?:good|nice|great|lovely|wonderful) (?:day|one|weekend|week|evening|night)|"
    r"lovely (?:chatting|talking|to chat|speaking)|good luck(?: with it| on \w+day| \w+)?|"
    r"enjoy (?:the rest of )?(?:your|the) (?:day|weekend|evening|week))(?:,? [\w'-]+){0,2}[.!, ]*$"
)

# Taking leave inside the turn ("I'll let you go, and send me the figures"): a separate pattern
# that opens on a word (a fast search).
FAREWELL_LEAVING = r"i'll let you go(?: now)?(?:,|[.!]|$)"

AFFIRMATION = [
    r"(?:well done|good job|great job|nice work|good work|good for you|congratulations|kudos)",
    r"(?:that(?:'s| is)|it(?:'s| is)) (?:great|impressive|amazing|wonderful|a big step|huge|"
    r"a real achievement|an achievement|really good|fantastic|brave|courageous)",
    r"you(?:'ve| have) (?:worked|done|come|made|put in|already done|really done) (?:so |really |a lot|"
    r"hard|well|great|a great|a lot|such|real|far|progress)",
    r"you(?:'re| are) (?:clearly|really|very|so|obviously|such a) (?:committed|determined|strong|"
    r"brave|motivated|resourceful|capable|persistent|thoughtful|caring|dedicated)",
    r"(?:that|it) (?:took|takes) (?:courage|guts|strength|a lot)",
    r"i (?:admire|respect|appreciate) (?:your|how you|that you|the way you)",
    r"(?:you should be|be) proud",
    r"your (?:strength|courage|commitment|determination|effort|efforts|persistence)",
    # praise of what the other did ("proud of you", "you did great", "you stood your ground")
    # not "your mother is proud of you" (the look-behinds follow "proud": the index files the
    # pattern under that word and the engine keeps its literal scan)
    r"proud(?<!is proud)(?<!'s proud)(?<!are proud)(?<!was proud)(?<!be proud)(?<!not proud) of you\b",
    r"(?:that's|that is|what) a (?:really )?(?:useful|great|good|smart|important|helpful|powerful) "
    r"(?:distinction|point|insight|idea|observation|reframe)\b",
    r"you did (?:ok|okay|great|amazing|brilliantly|so well|really well|a (?:great|fantastic|good|"
    r"brilliant) job|an amazing job|fantastic|awesome)",
    r"you (?:stood|held) (?:your|to your) (?:ground|position|price|line|nerve)",
    r"you (?:held|stood) (?:firm|strong)\b",
    r"you (?:handled|managed) (?:it|that|this|them|him|her) (?:really |so |very )?(?:well|brilliantly)",
    r"you(?:'ve| have) (?:built|created|achieved) something (?:really |truly |very )?(?:special|"
    r"great|amazing|impressive|remarkable|incredible)",
    r"(?:great|amazing|impressive|brilliant) what you (?:did|'ve done|have done|pulled off)",
    r"(?:that's|thats|that is) (?:really |so |very )?(?:smart|clever|a great idea|a smart move|"
    r"spot on|the bit i'd celebrate)\b",
    r"(?:^|\s)nice one\b",
    r"(?:it's|its|it is) (?:all |entirely |totally )?(?:your|ur) (?:call|decision|choice|business)\b",
    r"(?:is|are) (?:entirely |totally |completely |all )?up to you\b",
    r"(?:you've|you) got this\b",
    r"(?:that's|thats) (?:very|so) you\b",
    r"(?:that's|thats) a lot of (?:good|great|clear|smart) (?:thinking|work)\b",
    r"(?:amazing|brilliant|fantastic|incredible|love that|love it|so good|nailed it)(?=[.!]|$)",
    # the other's expertise and autonomy recognised ("you know your work better than me")
    r"you know (?:[\w']+ ){1,3}better than (?:me|i do|anyone|anybody)",
    r"(?:it's|it is|that's) (?:totally |really |entirely |all )?your (?:call|decision)\b",
    # "you're clearly good at what you do", "that's a great line", "that's a big shift", "you're in
    # a different league", "u can def do it", "more than you're giving yourself credit for"
    r"you(?:'re| are) (?:clearly |really |so )?(?:good|great) at (?:what you do|this|it)\b",
    r"(?:that's|thats|that is|it's) (?:a |such a )?(?:great|brilliant|lovely|strong|thoughtful|solid) "
    r"(?:line|one|plan|idea|answer|way to put it)\b",
    r"(?:that's|thats|that is) (?:a )?(?:big|huge|real) (?:shift|step|change|move|win)\b",
    r"(?:that's|thats|that is) real (?:care|craft|skill)\b",
    r"(?:you're|ur|you are) in a different league\b",
    r"you can (?:def|definitely|totally) do (?:it|this)\b",
    r"(?:giving|give) yourself credit for\b",
    r"(?:good lad|good girl|good man|attagirl|attaboy)\b",
]
GRATITUDE = [
    r"(?:thank you|thanks(?! to\b)|thank u|thx|cheers|grateful|appreciate (?:it|that|you|your help))",
]
OWNERSHIP_RETURNED = [
    # "you did great" praises: an affirmation, not credit handed back
    r"you did (?:it|that|this|the work|all the work|the hard work|the heavy lifting)",
    r"(?:it|that) was (?:all )?(?:you\b(?! who)|your (?:work|doing|effort|decision|choice))",
    r"(?:that(?:'s| is)|it(?:'s| is)) (?:all )?(?:on|down to|thanks to) you",
    r"(?:all )?(?:the )?credit (?:goes to|is) (?:you|yours)",
    r"you (?:earned|deserve|made) (?:it|this|that|them)",
    r"you made (?:it|this|that) happen",
    r"(?:it(?:'s| is)|these are|those are) (?:all )?your (?:results|win|success|achievement|doing|work)",
    r"your (?:stance|posture|confidence|courage|work|effort|decision|choice|price|fair price|"
    r"results|progress)\b[^.?!]*,\s*your (?:\w+ ){0,2}\w+",
    r"you(?: were| are|'re) the one who",
    # "it was you who signed them", not "it was you who asked"
    r"it was (?:all )?you who (?!asked\b|said\b|wanted\b)\w+",
    r"i (?:only|just) (?:asked|listened|held the space)",
    r"you did the (?:brave|hard|real|heavy|difficult|scary) (?:bit|part|work|lifting)\b",
    r"you made the (?:hard|tough|right|brave|difficult|big) (?:calls?|decisions?|choices?)\b",
    r"(?:your|ur) idea,? not mine\b",
    r"(?:was|is|were) all (?:yours|you)\b",
    r"(?:a|the) plan you (?:put together|came up with|made|built) (?:yourself|on your own)\b",
    r"you came up with (?:the|that|this|it)\b(?:[\w ,]+?)? not me\b",
    r"you came up with (?:that|this|it)\b",
    r"i (?:only |just )?asked (?:a (?:couple|few) (?:of )?|some )?questions\b",
    r"(?:that's|that is) (?:all )?your (?:work|doing|win|success|achievement|results?)\b",
    r"(?:it's|it is) your (?:\w+ ){1,2}and your \w+",
    r"you (?:already )?had the answer\b",
    # what the other did alone ("you landed that client yourself"), not "you blamed yourself"
    r"you (?:[a-z]+ed|did|made|got|found|came up with|won|took|held|built|wrote|sold|brought|"
    r"set up) (?:[\w'-]+ ){1,4}(?<! to)(?<! about)(?<! for)(?<! of)(?<! at)(?<! with)(?<! on)"
    r"(?<! in)(?<!ing )(?:yourself|all by yourself|on your own)\b",
    r"(?:win|success|victory|achievement|result|results|credit|deal) (?:is|was|are|were) "
    r"(?:all |entirely |completely |100% )?yours\b",
]
CREDIT_TAKEN = [
    r"thanks to me",
    # "that's thanks to my method!", "all down to my coaching"
    r"(?:thanks|due|down|owing) to (?:my|our) (?:[\w-]+ )?(?:method|methods|program|programme|"
    r"approach|coaching|system|advice|framework|sessions?|work|template)\b",
    r"because of me",
    r"without me",
    r"my (?:[\w-]+ )?(?:method|methods|program|programme|approach|coaching|system|advice|"
    r"framework) (?:got|helped|made|brought|took|gave|worked|works|did)",
    r"i (?:got|made|brought|took|helped) you (?:there|get|to|achieve|succeed|win)",
    r"i (?:told you so|knew it would work)",
    r"(?:as|like) i (?:said|told you),? (?:it|my|this) (?:works|worked)",
    r"you(?:'re| are) welcome,? (?:that's|it's) what i do",
    # the other's success claimed as the speaker's ("without our session you'd have...",
    # "that deal is kind of my win too")
    r"without (?:me|my|our) (?:[\w']+,? ){0,4}you(?:'d| would)\b",
    r"(?:my|our) (?:win|success|victory|achievement) (?:too|as well)\b",
    r"i told you (?:that )?(?:my|our|it|this|the) (?:[\w-]+ ){0,3}(?:works|worked|would work)",
    # "told u the template would work", "that was our pricing session paying off", "bet ur glad
    # u listened to me", "still my template tho"
    r"told you (?:at the start |from the start |so )?(?:that )?(?:my |the |our |this |it )?"
    r"(?:[\w-]+ ){0,3}(?:would|will) (?:work|get|land|happen)",
    r"told you (?:at the start |from the start )?(?:that )?i'd (?:get|land|find|make|double)",
    r"(?:our|my) (?:[\w-]+ ){0,3}(?:session|sessions|work|method|framework|template|approach|coaching|"
    r"advice|script|programme|program) (?:we did |i gave you )?(?:[\w ]+ )?(?:paying off|working|in action)\b",
    r"(?:session|sessions|work|framework|template|coaching|advice|script|plan) (?:we|i) (?:did|had|"
    r"worked on|gave you)(?: [\w-]+){0,3} paying off\b",
    r"(?:glad|lucky) (?:that )?you listened to me\b",
    r"still my (?:template|method|idea|script|framework|advice)\b",
    r"(?:proud|happy) of us\b",
    r"the method works\b",
    # "told u my pricing formula works", "what did i tell u", "remember who got u here", "that's my
    # 3 call method", "the module from session 2 kicking in", "4 to 8 in 2 months w me"
    r"told you (?:that )?(?:my|our|the|this) (?:[\w-]+ ){0,3}(?:works|worked)\b",
    r"what did i tell you\b",
    r"remember who (?:told|got|helped|showed) you\b",
    r"exactly what i (?:said|predicted|told you) would\b",
    r"(?:that's|this is|that is) (?:exactly )?what i (?:predicted|said would happen)\b",
    r"(?:that's|thats|this is) (?:my|our) (?:[\w-]+ ){0,3}(?:method|formula|system|sequence|framework|"
    r"strategy|technique|module|template)\b",
    r"(?:module|session|formula|strategy|sequence|method|framework) (?:from (?:module|session|week) \w+ )?"
    r"(?:kicking in|working|paying off)\b",
    r"(?:when|because|bc) you (?:follow|followed|stick to|stuck to) (?:the|my) (?:program|programme|plan|"
    r"method|system|formula)\b",
    r"(?:in|after) \w+ (?:weeks|months|sessions) (?:w|with) me\b",
    r"is the whole reason\b",
    r"i (?:basically )?turned (?:their|his|her) (?:whole )?business around\b",
]

# Pronouns for the other-focus vs self-focus ratio.
OTHER_PRONOUNS = frozenset("you your yours yourself yourselves you're you've you'll you'd".split())
SELF_PRONOUNS = frozenset("i me my mine myself i'm i've i'll i'd we us our ours ourselves".split())

# Feedback, in the conversation's language. {quote} and {value} are filled in.
FEEDBACK = {
    "credit_kept": (
        "You were thanked here and the credit stayed with you ({value} of thanks handed back). "
        "Hand it back: name what the other person did themselves."
    ),
    "input_high": (
        "Your own content (information, advice, persuasion) made up {value} of what you "
        "asked, reflected and told. Before advising, ask what they already know or want, then "
        "reflect it."
    ),
    "talk_high": (
        "You spoke {value} of the words (top sellers: ~43%). Your longest stretch: "
        "cut it short and hand over with a question."
    ),
    "monologue": (
        "This {value}-word monologue kept the other in the listening seat. Stop after two or "
        "three sentences and ask what resonates."
    ),
    "few_reflections": (
        "Reflections-to-questions ratio {value} (MITI: 1:1 fair, 2:1 good). Here the other had "
        "just opened up: give back what you heard before asking the next question."
    ),
    "closed_questions": (
        "Only {value} of your questions were open. Turn this one into a 'what' or 'how' "
        "question to let them explore."
    ),
    "no_needs_question": (
        "You never asked what they need from the conversation. Open with: 'What do you need "
        "from this conversation?'"
    ),
    "late_needs_question": (
        "Your first needs question came late ({value} of the way in). Ask it right at the start."
    ),
    "assumption": (
        "You assumed instead of asking ({value} times). Replace the guess with a question: "
        "'What is it like for you?'"
    ),
    "self_promotion": (
        "You talked about yourself or your offer ({value} times). Keep the other at the centre."
    ),
    "self_disclosure": (
        "You talked about yourself ({value} times): bring the conversation back to them with "
        "a question about their situation."
    ),
    "competitor": "You spent time on a competitor ({value} mentions): bring it back to their needs.",
    "credit_taken": (
        "You took credit for their result. Hand it back: 'You did the work: your stance, your "
        "choices, your results.'"
    ),
    "tag_question": (
        "A rhetorical tag ('right?') asks for agreement, not information. Ask a real question "
        "or state it plainly."
    ),
    "small_talk": (
        "{value} of the conversation went to small talk before the first business topic. "
        "Get to their needs sooner."
    ),
    "good_reflection": "Well done: this reflection gave their words back and kept them talking.",
    "good_needs_question": "Well done: you asked early what they need from the conversation.",
    "good_ownership": "Well done: you handed the credit back instead of taking it.",
    "good_open_question": "Well done: an open question that let them explore.",
    "good_listening": "Well done: you let them tell their story at length ({value} words).",
}
