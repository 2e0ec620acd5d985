"""Lexique français : données seulement. Chaque nom existe aussi dans en.py (un test le vérifie).

Fragments d'expressions régulières appliqués au texte en minuscules, apostrophes droites.
Les fragments *_START sont ancrés en début de phrase, après les mots de remplissage
(« alors », « donc », « euh »...) ; les autres peuvent apparaître n'importe où.
"""

CODE = "fr"

MARKERS = frozenset(
    "le la les de des du un une et est je tu vous il elle on nous que qui pas ne ce c'est "
    "ça en pour avec mais dans sur très bien alors oui non mon ma mes ton votre j'ai".split()
)

FILLERS = r"(?:alors|donc|bon|vas-y|allez-y|au fait|ben|bah|bref|eh bien|et|mais|ok|okay|d'accord|oui|ouais|euh+|hum+|hm+|ah|oh|très bien|bien|parfait|super|ok alors|voilà|bonjour|salut|écoute|écoutez|dis|dites|et puis|puis|sinon|du coup|en fait|ensuite|tu sais|vous savez|enfin|je veux dire|ou|ou bien|ou alors)"


WH_START = [
    r"qu'est-ce qu(?:e|')",
    r"qu'est ce qu(?:e|')",
    r"qu'est-ce qui",
    r"qu'est ce qui",
    r"que\s+\w+-(?:vous|tu|il|elle|ils|elles|on|je|nous)",
    r"qu'(?:\w+)-(?:vous|tu|il|elle|ils|elles|on|je|nous)",
    r"que (?:faire|dire|penser|voulez|veux|pensez|penses|faites|fais)",
    r"quoi",
    r"quel",
    r"quelle",
    r"quels",
    r"quelles",
    r"lequel",
    r"laquelle",
    r"lesquels",
    r"lesquelles",
    r"comment",
    r"pourquoi",
    r"où",
    r"d'où",
    r"quand",
    r"combien",
    r"qui",
    r"à quoi",
    r"de quoi",
    r"en quoi",
    r"sur quoi",
    r"avec quoi",
    r"pour quoi",
    r"à quel",
    r"à quelle",
    r"dans quel",
    r"dans quelle",
    r"de quel",
    r"de quelle",
    r"jusqu'où",
    r"à qui",
    r"avec qui",
    r"pour qui",
    r"de qui",
    r"depuis quand",
    r"depuis combien",
    r"jusqu'à quand",
    r"par où",
    r"en quel",
]

# Mots interrogatifs qui demandent un fait précis (nombre, date, lieu) : fermés, comme dans MITI.
CLOSED_WH = [
    r"combien",
    r"(?:depuis|pendant) combien",
    r"quel âge",
    r"(?:à )?quelle heure",
    r"quel jour",
    r"quelle date",
    r"(?:quand|où|d'où|depuis quand|jusqu'à quand|lequel|laquelle|lesquels|lesquelles)",
    r"sur une échelle",
    r"qui",
    r"comment (?:s'appelle|ça s'appelle|il s'appelle|elle s'appelle|tu t'appelles|vous vous appelez)",
]

# L'inversion sujet-verbe marque une question directe même au milieu d'une phrase sans
# ponctuation (« et du coup avez-vous pu lui parler »).
INVERTED_ANYWHERE = (
    # « est-ce qu' » et « qu'est-ce qu' » sont suivis d'une lettre (« est ce qu'il t'a rappelé ») :
    # hors du groupe, que la fin de mot exigée ensuite ne les exclut pas
    r"(?:est-ce qu'|est ce qu'|qu'est-ce qu'|qu'est ce qu')"
    r"|(?:[a-zàâçéèêëîïôûù]+-(?:t-)?(?:vous|tu|il|elle|on|ils|elles)|est-ce que|est ce que"
    # l'inversion tapée sans trait d'union (« mais avant voulez vous… »), sauf après un sujet
    # (« si vous voulez vous pouvez », « je peux vous aider »)
    r"|(?<!je )(?<!tu )(?<!vous )(?<!nous )(?<!on )(?<!il )(?<!elle )(?<!qui )(?<!ne )(?<!n')"
    r"(?:voulez|pouvez|avez|êtes|savez|connaissez|pensez|souhaitez|aimeriez|auriez|pourriez|"
    r"voudriez|seriez|veux|peux|as|es|sais|connais|penses|aimerais|pourrais|voudrais|devez|dois|"
    r"croyez|crois|trouvez|trouves|comptez|comptes) (?:vous|tu)"
    # « qu'est-ce que », « il y a quoi qui », « c'est quoi qui » au milieu d'une phrase sans
    # ponctuation (« et si tu lui confiais instagram qu'est ce que ça te libérerait »)
    r"|qu'est-ce qu(?:e|'|i)|qu'est ce qu(?:e|'|i)|(?:il y a|y a|c'est) quoi (?:qui|que|qu'|comme)"
    # « ça vous prend combien de temps », « t'es à combien », « vous êtes dans quel coin »
    r"|(?:prend|prends|prennent|coûte|coûtent|rapporte|rapportent|facturez|factures|demandez|demandes|"
    r"envoyez|envoies) combien"
    r"|(?:t'es|tu es|vous êtes|t'en es|tu en es|vous en êtes|on en est|tu te sens|vous vous sentez|t'te sens) "
    r"(?:à|a) combien"
    # « tu la mets à combien », « ils durent combien en général » : sujet, verbe, « combien » en place
    r"|(?:mets|mettez|mettrais|mettriez|donnes|donnerais|donnez|estimes|estimez) (?:à|a) combien"
    r"|(?:tu|vous|ils|elles|ça|ca) (?:[\w']+ ){1,2}combien"
    # « comment tu vas l'annoncer » au milieu d'une phrase (pas « je sais comment tu vas faire »)
    r"|(?:comment|pourquoi) (?:tu|vous) (?:vas|allez|comptes|comptez|penses|pensez|veux|voulez|fais|faites|"
    r"te sens|vous sentez)"
    r"|(?:dirais|diriez|représente|représentent|ferait|ferais) combien"
    # un choix soumis à l'autre (« tu veux le faire de ton côté ou qu'on le regarde ensemble »)
    r"|(?:tu veux|vous voulez|tu préfères|vous préférez) (?:[\w']+ ){0,6}ou (?:qu'on|que je|plutôt)"
    r"|\bou (?:tu préfères|vous préférez)"
    # « … et tu peux le financer avec ton cpf tu veux que je t'envoie des adresses »
    r"|(?<!si )(?<!comme )(?<!quand )(?:tu veux|vous voulez|tu voudrais|vous voudriez) (?:que je|que j'|qu'on)"
    r"|(?:ça|ca) (?:vous|t'|te) arrive (?:souvent|de|parfois)"
    r"|(?:vous êtes|tu es|t'es|vous habitez|tu habites|vous travaillez|tu travailles) (?:dans|à|de|en|"
    r"pour|sur) (?:quel|quelle|quels|quelles)"
    # une proposition soumise à l'autre en fin de phrase (« je vous cale jeudi ça vous irait »)
    r"|(?<!si )(?:ça|ca) (?:te |vous |t')(?:dit|dirait|va(?! bien)|irait|convient|conviendrait|"
    r"tente|tenterait))"
    r"(?![\w-])"
)

# Mots qui, avant une inversion, en font une subordonnée (aucun en français : les look-behinds
# de INVERTED_ANYWHERE le disent déjà).
NOT_ASKING_BEFORE = frozenset(
    "sais savoir vois voir comprends comprendre explique expliquer montre dis".split()
)
NOT_ASKING_HEADS = frozenset("comment pourquoi".split())

# Un marqueur de discours suivi d'un mot interrogatif, au milieu d'une phrase sans ponctuation.
MARKER_THEN_WH = r"(?:alors|donc|et|mais|bon|ok|du coup)\s+(?:(?:euh|ben|bon|donc)\s+)*(?=(?:qu'est-ce|qu'est ce|comment|pourquoi|quand|combien|où|quel|quelle|quels|quelles|de quoi|à quoi)(?![\w]))"

# Échos qui marquent l'intérêt ou vérifient l'écoute (« Ah, vous n'avez pas ? »).
ECHO = (
    r"(?:ah |oh |eh )?(?:(?:vous|tu|il|elle|ils|elles|on) (?:n')?(?:êtes|es|est|sont|avez|as|a|ont|"
    r"faites|fais|fait|pouvez|peux|peut)(?: pas)?(?: vraiment)?|(?:c'est|ce n'est pas|c'est pas) (?:vrai|ça|"
    r"possible|drôle|fou|dingue)|pas possible|sans blague)"
)

# « Moi aussi », « nous non plus » : accord, pas question (l'inversion anglaise n'existe pas).
AGREEMENT = r"^(?:moi|nous|toi|vous|lui|elle|eux) (?:aussi|non plus|pareil)$"

# Discours rapporté : une question citée n'est pas posée à l'interlocuteur.
REPORTED = (
    r"\b(?:je suis genre|il est genre|elle est genre|ils disent|les gens disent|j'ai dit|il a dit|elle a dit|ils ont dit|on m'a dit|il m'a dit|elle m'a dit|il me dit|elle me dit|il demande|elle demande|il m'a demandé|elle m'a demandé|je lui ai dit|je lui ai demandé|je me suis dit|je me dis|genre"
    # la voix intérieure de l'autre ou de chacun : « et tu te dis, à quoi bon ? »
    r"|tu te dis|tu te disais|vous vous dites|on se dit|on se disait|il se dit|elle se dit|ils se disent"
    r"|tu te demandes|vous vous demandez"
    # ce que l'on compte dire à un tiers : « je pourrais lui dire écoute, est-ce que… »
    r"|(?:je|on) (?:vais|pourrais|peux|voudrais|devrais|va|peut|pourrait) (?:lui|leur) (?:dire|demander|"
    r"écrire)(?: un truc comme| genre)?(?: écoute| écoutez| bon| voilà)?"
    r"|je (?:lui|leur) (?:dis|dirais|demande|demanderais)(?: écoute| écoutez| bon| voilà)?)$"
)

# Fausses questions qui ferment une affirmation même sans point d'interrogation.
# (« non » après un verbe de parole ou « ou » finit une affirmation : « et si elle dit non »)
TAG_NO_MARK = (
    r"(?:,| )(?:n'est-ce pas|n'est ce pas|pas vrai|hein|tu vois|vous voyez|(?:tu )?vois ce que je veux dire|"
    r"(?:vous )?voyez ce que je veux dire)$"  # (the last six words of a sentence are read)
    r"|(?<!\bdit)(?<!\bdis)(?<!\bdire)(?<!\bou)(?<!\bque)(?<!\brépond)(?:,| )non$"
)

# Une curiosité adressée à l'autre : « je me demande si VOUS... ».
LISTENER = r"(?<![\w'-])(?:t'|(?:vous|votre|vos|tu|te|toi|ton|ta|tes)(?![\w-]))"

# « Où » qui demande une position ou une prochaine étape, pas un lieu, et « combien » qui demande
# un degré : question ouverte (« Où aimeriez-vous commencer ? », « Où en êtes-vous ? », « Où vous
# voyez-vous dans un an ? »).
OPEN_WH = (
    r"^où (?:aimeriez|voudriez|aimerais|voudrais|souhaitez|souhaites)-(?:vous|tu) (?:commencer|"
    r"aller|en venir)|^où en (?:êtes|es|sommes|est)\b|^où (?:vous|te|nous) voyez-vous|^où te "
    r"vois-tu|^où est-ce que (?:ça|cela) (?:vous|te|nous) (?:laisse|mène)"
    # une prochaine étape ou une conséquence : « Où pensez-vous commencer ? », « Où ça te mène ? »
    r"|^où (?:pensez|penses|croyez|crois)-(?:vous|tu) (?:pouvoir |devoir )?(?:commencer|aller)\b"
    r"|^où est-ce que (?:vous pensez|tu penses) (?:pouvoir |devoir )?(?:commencer|aller)\b"
    r"|^où (?:ça|cela) (?:vous|te|nous) (?:mène|mènerait|laisse|emmène)\b"
    r"|^où (?:ça|cela) (?:va|pourrait|peut) (?:vous|te|nous) (?:mener|emmener|conduire)\b"
    # « combien » qui demande un degré de ressenti, pas une quantité : « Combien tu y tiens ? »
    r"|^combien (?:est-ce que )?(?:tu|vous|ça|cela) (?:t'|te |vous |l'|y )?(?:aimes|aimez|tiens|tenez|"
    r"compte|comptes|comptez|importe|manque|manques|plaît|inquiète|gêne|aide)\b"
)

# Questions en tête d'auxiliaire qui invitent pourtant à développer : comme « Autre chose ? »
# (« Est-ce qu'il y a autre chose ? »), une demande de récit (« Est-ce que tu peux me dire ce
# qui s'est passé ? »), une réflexion demandée pour son contenu (« As-tu réfléchi à ce que tu
# changerais ? »).
OPEN_AUX = (
    r"^(?:est-ce qu'il y a|est ce qu'il y a|y a-t-il|il y a|y a) (?:autre chose|d'autres|quelque "
    r"chose d'autre)"
    r"|^est[- ]ce que (?:vous pouvez|tu peux|vous pourriez|tu pourrais) (?:me |nous )?(?:dire|"
    r"raconter|parler|expliquer|décrire|développer|en dire plus|donner (?:un|des) exemples?)"
    r"|^(?:est[- ]ce que )?(?:ça|cela) (?:vous|te|t') (?:dérange|dérangerait|ennuie|ennuierait|"
    r"embête|embêterait|gêne|gênerait) de (?:me |nous )?(?:dire|raconter|parler|expliquer|décrire)"
    r"|^(?:avez-vous|as-tu|est[- ]ce que (?:vous avez|tu as)) (?:déjà )?(?:réfléchi|pensé) à "
    r"(?:ce qu|comment|pourquoi)"
    r"|^(?:avez-vous|as-tu|est[- ]ce que (?:vous avez|tu as)) une (?:petite )?idée de (?:ce qu|"
    r"comment|pourquoi)"
)

# Demander la permission est une question fermée, même quand la suite a un mot interrogatif
# (« Ça vous dérange si je vous explique comment je travaille ? »).
PERMISSION = [
    r"(?:ça|cela) (?:vous|te|t') (?:dérange|dérangerait|ennuie|ennuierait|embête|embêterait|gêne|"
    r"gênerait|va|irait|convient|conviendrait) (?:si|que)",
    r"(?:vous|tu) (?:me )?(?:permettez|permets) (?:que|de)",
    r"(?:vous êtes|tu es|seriez-vous|serais-tu|êtes-vous|es-tu) d'accord (?:pour que|si|que)",
    r"je (?:me demande|me demandais) si (?:je|j'|nous|on) (?:pourrais|pourrait|pourrions|peux|"
    r"peut|pouvons)",
    r"(?:est-ce que je peux|je peux|puis-je|pourrais-je|est-ce que je pourrais) (?:vous |te |t')?"
    r"(?:partager|donner|proposer|suggérer|faire part|soumettre)",
]

# Mots interrogatifs qui ouvrent aussi une subordonnée de temps ou de lieu (« …, quand tu rentres ? »).
TIME_PLACE = [r"quand", r"lorsque", r"lorsqu'\w+", r"où", r"pendant que"]

# Une question que l'on pose pour y répondre soi-même dans la foulée (« Et tu sais ce qui m'a
# débloqué ? Un livre. », « Tu sais quoi ? ») : pas une question à l'autre.
RHETORICAL = r"^(?:(?:et|mais|alors|bon|ben|eh bien|oh|ah),? )*(?:tu sais|vous savez|devine|devinez|tu devineras) (?:quoi|ce qu|ce qui|comment|qui|pourquoi|combien|où|quand)"

# Sans point d'interrogation (transcription automatique), seules les formes sans ambiguïté
# comptent : inversion, « est-ce que », mot interrogatif suivi d'un verbe ou d'une inversion.
WH_NO_MARK = [
    r"qu'est[- ]ce (?:que|qu'|qui)",
    r"que (?:[a-zàâçéèêëîïôûù]+)-(?:t-)?(?:vous|tu|il|elle|ils|elles|on|je|nous)",
    r"qu'(?:[a-zàâçéèêëîïôûù]+)-(?:t-)?(?:vous|tu|il|elle|ils|elles|on|je|nous)",
    r"(?:quel|quelle|quels|quelles) (?:est|sont|était|étaient|serait|seraient|sera)",
    r"(?:quel|quelle|quels|quelles) (?:\w+ ){1,2}(?:est-ce|[a-zàâçéèêëîïôûù]+-(?:t-)?(?:vous|tu|il|elle|on))",
    r"(?:comment|où|quand|pourquoi|combien de|combien|à quoi|de quoi|en quoi|sur quoi|avec qui|"
    r"à qui|pour qui|depuis quand|jusqu'où|d'où|lequel|laquelle) (?:est-ce|[a-zàâçéèêëîïôûù]+-"
    r"(?:t-)?(?:vous|tu|il|elle|ils|elles|on|je|nous)|ça va|ça se passe|ça s'est)\b",
    # « comment tu fais » is asked; « quand on reçoit..., » is a time clause: only "comment"
    r"comment (?:tu|vous|on)(?! le | la | les | l')",
    # un mot interrogatif (pas « quand »/« où », qui ouvrent aussi une subordonnée) puis un
    # sujet : « comment il a réagi », « pourquoi tu hésites », « de quoi tu as envie »
    r"(?:comment|pourquoi|de quoi|à quoi|sur quoi|en quoi|avec qui|à qui|pour qui) (?:tu|vous|t'|"
    r"ça|ca|c'est|il|elle|ils|elles|ton|ta|tes|votre|vos)\b",
    # l'inversion tapée sans trait d'union après le mot interrogatif (« où en sommes nous »,
    # « que voulez vous »)
    r"(?:que|où|où en|comment|pourquoi|quand|combien|d'où|à quoi|de quoi|en quoi|par où) (?:voulez|"
    r"pouvez|avez|êtes|savez|pensez|souhaitez|aimeriez|auriez|pourriez|voudriez|seriez|veux|peux|as|"
    r"es|sais|penses|aimerais|pourrais|voudrais|devez|dois|croyez|crois|trouvez|trouves|comptez|"
    r"comptes|avons|sommes|faites|fais|allez|vas) (?:vous|tu|nous)\b",
    # « comment va ta mère », « comment se passe ta semaine » : sujet inversé après le verbe
    r"comment (?:se passe|se passent|s'est passé|s'est passée|va|vont)\b",
    # « combien de managers seraient concernés », « quel budget vous avez prévu »
    r"c'est quoi (?:alors |donc |du coup |exactement |au juste |en fait |concrètement )?(?:ton|ta|tes|votre|"
    r"vos|le|la|les|l')",
    # « à quoi ressemblerait un bon mois », « comment se passerait la suite » : inversion du sujet nom
    r"(?:à quoi|comment|pourquoi) (?:ressemblerait|ressemble|ressemblait|serait|se passe|se passerait|se "
    r"passerait|changerait)\b",
    # « il y a quoi qui te pèse », « c'est quoi qui bloque »
    r"(?:il y a|y a|c'est) quoi (?:qui|que|qu'|comme)",
    # « combien de devis envoyés cette semaine » : par SMS, sans verbe conjugué
    r"combien (?:de |d')(?!fois\b)\w+",
    r"combien (?:de |d')(?!fois)\w+ (?:[\w']+ )?(?:tu|vous|on|il|elle|ils|elles|t'|\w+(?:ent|ait|a|"
    r"est|sont))\b",
    r"(?:quel|quelle|quels|quelles) (?:\w+ ){1,2}(?:tu|vous|on|il|elle|ils|elles|t'|c'est)\b",
    r"(?:où|comment|combien) (?:c'est|sont|est)\b",
    r"pourquoi (?:pas|ne|n')",
    r"qui (?:est-ce|a|va|peut|veut|vous|t'|te|est)",
]

BACKCHANNEL = (
    r"(?:ah |oh |eh )?(?:bon|vraiment|c'est vrai|ah bon|ah oui|ah ouais|oui|ouais|non|tu crois|"
    r"vous croyez|sérieux|sérieusement|franchement|honnêtement|sincèrement|pardon|comment|quoi|"
    r"hein|d'accord|ok|okay|ah|euh|hum|"
    r"c'est ça|tu trouves|vous trouvez|(?:(?:pardon|désolé|désolée|excusez-moi|excuse-moi),? )?"
    r"(?:qu'est-ce que (?:tu as|vous avez) dit|(?:tu peux|vous pouvez) répéter|(?:le|la|un|une) quoi))"
)

# Affirmations dites en montant la voix que le MITI code comme des reformulations, pas des
# questions : à deux faces (« D'un côté tu aimes ça, de l'autre tu t'inquiètes ? », « Tu voudrais
# arrêter, mais tu as peur ? » : deux constats sur l'autre côte à côte), qui s'annoncent
# (« j'entends que… ? ») ou que ferme la marque de la reformulation (« …, si je comprends bien ? »).
RISING_REFLECTION = (
    r"\bd'un côté\b[^?]*\bde l'autre\b|\bd'un autre côté\b|\bd'une part\b|\bd'autre part\b"
    r"|^(?!mais )(?:\S+ ){3,}(?:mais|et pourtant|pourtant) (?:tu|t'|vous|votre|ton|ta|tes|il|elle|ils|"
    r"elles|c'est|ça|cela|le|la|les|l')"
    r"|^(?:j'entends (?:que|bien que)|je comprends que|si je comprends bien)"
    r"|, (?:comme (?:tu (?:dis|disais|l'as dit)|vous (?:dites|disiez|l'avez dit))|si je comprends bien|"
    r"si j'ai bien compris|on dirait)$"
)

AUX_START = [
    # Inversion sujet-verbe : « avez-vous », « pensez-vous », « y a-t-il », « as-tu ».
    r"(?:y )?(?:[a-zàâçéèêëîïôûù]+)-(?:t-)?(?:vous|tu|il|elle|ils|elles|on|je|nous)\b",
    # la particule du québécois après le verbe (« t'as-tu rappelé », « c'est-tu correct »)
    r"(?:t'|c'|ç'|j')[a-zàâçéèêëîïôûù]+-tu\b",
    r"est-ce qu(?:e|')",
    r"est ce qu(?:e|')",
    r"(?:voulez|pouvez|avez|êtes|savez|connaissez|pensez|souhaitez|aimeriez|auriez|pourriez|"
    r"voudriez|seriez|veux|peux|as|es|sais|connais|penses|aimerais|pourrais|voudrais|vas|allez|"
    r"devez|dois|croyez|crois|trouvez|trouves|comptez|comptes|avons|sommes) (?:vous|tu|nous)\b",
    r"n'(?:[a-zàâçéèêëîïôûù]+)-(?:t-)?(?:vous|tu|il|elle|ils|elles|on|je|nous)\b",
    r"ne (?:[a-zàâçéèêëîïôûù']+ )?(?:[a-zàâçéèêëîïôûù]+)-(?:t-)?(?:vous|tu|il|elle|on)\b",
    # une proposition soumise à l'accord de l'autre, à l'oral ou par SMS : « ça te dit un café »,
    # « tu veux qu'on en parle » (oui ou non)
    r"(?:ça|ca) (?:te |vous |t')(?:dit|dirait|va(?! bien)|irait|convient|conviendrait|tente|tenterait)\b",
    r"(?:tu veux|vous voulez|tu voudrais|vous voudriez) (?:qu'on|que je|que j'|que nous|mon avis|"
    r"notre avis)",
    # une demande ou une offre soumise à l'autre : « tu veux bien me rappeler », « ça vous
    # intéresse », « ça t'intéresserait qu'on en parle »
    r"(?:tu veux|vous voulez|tu voudrais|vous voudriez) bien\b",
    r"(?:ça|ca) (?:te |vous |t')intéress(?:e|erait)\b",
    # « ça y est, tu as fini » : l'autre est sujet, on vérifie où il en est (oui ou non)
    r"(?:ça|ca) y est,? (?:tu|vous|t'\w+)\b",
]
# Impératifs pronominaux qui ressemblent à des inversions : pas des questions.
NOT_INVERSION = r"(?:asseyez|assieds|installez|installe|rassurez|rassure|détendez|détends|dépêchez|dépêche|reposez|repose|imaginez|imagine|tenez|tiens|allez|va|rendez|rends|occupez|occupe|excusez|excuse|permettez|permets|laissez|laisse|dites|dis|parlez|parle|écoutez|écoute|montrez|montre|racontez|raconte|donnez|donne|appelez|appelle|vas|arrêtez|arrête|souvenez|souviens|mettez|mets)-"

OPEN_PROMPTS = [
    r"(?:autre chose|d'autres (?:idées|choses|questions))",
    r"(?:dites|dis|racontez|raconte|parlez|parle|expliquez|explique|décrivez|décris)-moi",
    r"(?:dites|dis|racontez|raconte|parlez|parle|expliquez|explique|décrivez|décris)-nous",
    r"(?:pouvez|pourriez|peux|pourrais)-(?:vous|tu) (?:me |m'en |nous |en )?(?:dire|raconter|parler|"
    r"expliquer|décrire|développer|dire plus|donner (?:un|des) exemples?)",
    r"j'aimerais (?:comprendre|savoir|entendre)",
    # demander un exemple ou des détails invite l'autre à développer
    r"(?:donnez|donne)-moi (?:un|des) exemples?",
    r"(?:dites|dis|racontez|raconte)-m'en",
]

# Questions indirectes fermées adressées à l'autre, avec ou sans point d'interrogation (« je ne
# sais pas si vous connaissez », « je ne suis pas sûr que tu aies vu »), et demande de
# permission (« je me demandais si on pourrait regarder… »).
INDIRECT_CLOSED = [
    r"je (?:ne )?sais (?:pas|plus) (?:trop |vraiment |bien )?si (?:t'\w+|vous|tu|votre|vos|ton|ta|tes)",
    r"je ne suis pas (?:sûr|sûre|certain|certaine) (?:que|si) (?:t'\w+|vous|tu|votre|vos|ton|ta|tes)",
    r"je (?:me demande|me demandais) si (?:je|j'|nous|on) (?:pourrais|pourrait|pourrions|peux|peut|"
    r"pouvons)",
    # « je me demandais si les familles pouvaient commander » : une question polie, à l'imparfait
    r"je me demandais (?:aussi |surtout |juste |plutôt )?si\b(?! je\b| j')",
]

# Une échelle ou une note demandée : question fermée quel que soit le mot interrogatif
# (« Sur une échelle de 0 à 10, à quel point êtes-vous prêt ? »).
CLOSED_ANYWHERE = [
    r"sur une échelle",
    r"échelle de",
    r"de (?:0|1|zéro|un) à (?:10|dix|100|cent)",
    r"(?:donnez|donne|mettez|mets)(?:-moi)? une note",
    # un ordre de grandeur demandé est un chiffre (« à peu près combien de clients »)
    r"à peu près",
    r"approximativement",
]

# Chercher un mot à voix haute (« comment dit-on », « c'est quoi le mot ») : on se parle à
# soi-même, ce n'est pas une question à l'autre.
WORD_SEARCH = (
    r"^(?:comment (?:dit-on|on dit|dire|ça s'appelle|ça se dit|on appelle (?:ça|cela))|(?:c'est "
    r"quoi|quel est) (?:déjà )?le (?:mot|terme)|où en étais-je|où j'en étais|qu'est-ce que je "
    r"(?:disais|voulais dire))(?![\w'-])"
)

# La même recherche en incise dans une phrase plus longue (« c'était, quand déjà, en mai ») :
# la phrase continue avec la réponse, l'incise ne demande rien à l'autre.
HESITATION = (
    r"(?:oh |euh |ah )*(?:c'était (?:quoi|quand|qui|où)(?: déjà)?|c'est quoi déjà|quand déjà|qui "
    r"déjà|comment dire|comment on dit|comment dit-on|comment ça s'appelle(?: déjà)?|comment "
    r"(?:il|elle) s'appelle(?: déjà)?|comment (?:on appelle|vous appelez|tu appelles) (?:ça|cela)"
    r"(?: déjà)?|c'est qui déjà|ce sont quoi déjà)"
)

# Exclamations en forme de question (« Quelle chance, hein ? ») : rien n'est demandé.
EXCLAMATIVE = (
    r"^(?:quelle (?:chance|horreur|galère|angoisse|joie|surprise|histoire !)|quel (?:dommage|plaisir|"
    r"bonheur|soulagement|cauchemar)|que c'est (?:beau|bien|bon|dommage|triste|drôle)"
    # « qu'est-ce que je t'avais dit » : on ne demande rien, on a eu raison
    r"|qu'est-ce que je (?:t'|vous )(?:avais|ai) dit|qu'est ce que je (?:t'|vous )(?:avais|ai) dit)"
    r"(?![\w-])"
)

# Pseudo-clivées : « ce qui s'est passé, c'est… » affirme, ne demande pas. En français elles
# ne commencent pas par un mot interrogatif ; seule la forme orale « qu'est-ce qui s'est passé,
# c'est que… » pourrait tromper.
# Une reformulation qui s'annonce, même dite en montant la voix : « ce que j'entends, c'est que… ? ».
PSEUDO_CLEFT = (
    r"^qu'est-ce qui s'est passé,? c'est qu(?:e|')"
    r"|^(?:si )?ce que (?:j'entends|je comprends|j'en comprends|je retiens)(?: de ce que (?:tu dis|vous dites))?,? c'est"
)

# Phrases sans sujet qui commencent comme une question fermée (en anglais « Had a great
# time ») : le français marque l'interrogation par l'inversion, rien à écarter ici.
ELLIPTIC_STATEMENT = r"(?!x)x"

# Un « n'est-ce pas ? » seul demande l'accord : une question-tag, jamais une simple relance,
# même en début de tour.
NEGATIVE_ECHO = r"(?:n'est-ce pas|n'est ce pas|pas vrai|c'est pas vrai)"

# Formules qui demandent le point de vue de l'autre, où qu'elles soient dans la phrase.
CURIOUS = [
    r"je (?:me demande|me demandais) (?:aussi |surtout |juste |plutôt )?(?:si|ce|comment|pourquoi|où|quand|qui)",
    r"je suis (?:curieux|curieuse) (?:de|d'|du)",
    r"(?:je suis|je serais) (?:très |vraiment )?(?:intéressé|intéressée) (?:de savoir|d'entendre|par ce que|"
    r"par votre|par ton|par ta)",
    r"ça m'intéresse(?:rait)? de (?:savoir|comprendre|connaître)",
    r"j'aimerais (?:bien )?(?:savoir|comprendre|entendre|connaître)",
    r"(?:dites|dis|racontez|raconte|parlez|parle|expliquez|explique|décrivez|décris)-moi",
    r"(?:aidez|aide)-moi à comprendre",
    r"(?:pouvez|pourriez|peux|pourrais)-(?:vous|tu) (?:me )?(?:dire|raconter|parler|expliquer|décrire)",
]

# Avec un point d'interrogation, une affirmation qui enchâsse une question adressée à l'autre
# la pose ouvertement (« je voulais te demander comment tu le vis ? », « tu peux me raconter ? »).
OPEN_EMBEDDED = [
    r"(?:vous|te) demander (?:comment|ce qu|ce que|ce qui|pourquoi)",
    r"je (?:ne )?sais pas (?:trop |vraiment )?(?:ce que (?:vous|tu)|ce que t'|comment (?:vous|tu))",
    r"(?:vous|tu) (?:pouvez|peux|pourriez|pourrais) (?:me |nous )?(?:dire|raconter|parler|expliquer|"
    r"décrire)",
]

# Questions « à l'oral » : le mot interrogatif vient à la fin (« vous faites comment »).
_WH_TAIL = r"(?: ça| exactement| alors| donc| du coup| au juste| en fait| toi| vous| de ton côté| de votre côté)?$"
# « quoi » en fin de phrase ne demande quelque chose qu'après un verbe qui attend un objet ou une
# préposition (« il t'a dit quoi », « ça ressemble à quoi ») ; ailleurs c'est une ponctuation de
# l'oral (« ça m'a un peu refroidi quoi », « pour le lourd quoi »).
_QUOI_ASKED_AFTER = (
    r"(?:dit|dis|dites|fait|fais|faites|donne|donné|donnent|change|changé|changerait|pense|penses|"
    r"pensez|répondu|repondu|réponds|veux|veut|voulez|attend|attends|attendez|propose|proposes|"
    r"proposé|compris|prévu|prevu|retenu|appris|ressenti|choisi|décidé|vu|entendu|"
    r"correspond|ressemble|sert|manque|bloque|coince|gêne|faire|dire|répondre|raconté|raconte|"
    r"dirais|ferais|ferait|dirait|cherches|cherchez|cherche|imagines|imaginez|vois|voyez|retiens|"
    r"retenez|préfères|apporte|apporterait|apporté|gagnes|gagne|faut|faudrait|reste|coûte|inspire|"
    r"motive|freine|empêche|dérange|prends|prenez|mis|pris|as|avez|ont|c'est|c'était|y a|"
    r"à|a|de|sur|pour|avec|par|en)"
)
WH_END = (
    # \b d'abord : ce mot interrogatif commence un mot, et le moteur saute vite le milieu des mots
    r"\b(?<!sais pas )(?<!ne sais )(?<!n'importe )(?<!ou )(?<!sinon )"
    r"(?:\ben (?:es|est|êtes|etes|sont|suis|sommes) )?\b(?:comment|où|quand|"
    r"combien|pourquoi|lequel|laquelle|qui|à quelle heure|de quoi|à quoi|pour quoi|quel jour)"
    + _WH_TAIL
    + r"|(?<![\w'-])"
    + _QUOI_ASKED_AFTER
    + r" quoi"
    + _WH_TAIL
    + r"|^(?:vous|tu|on) [a-zéèêàç']+ (?:comment|quoi|où|combien) (?:quand|lorsque|si|pour|avec|dans|"
    r"avec|en ce moment|aujourd'hui|maintenant|exactement)\b"
    # le mot interrogatif en place suivi d'un court complément (« ça change quoi pour toi »,
    # « tu veux faire comment pour la suite », « c'est quel budget », « tu l'envoies quand la
    # soumission ») : un sujet d'abord, ou un sujet détaché repris par un pronom (« ta femme elle
    # en pense quoi », « la pression elle vient d'où »)
    r"|^(?:et |mais |alors |donc |ok |pis |puis )?(?:toi |vous |et toi |et vous )?"
    r"(?:(?:[\w']+ ){1,3}?(?:ça|ca|il|elle|ils|elles) |(?:tu|vous|on|"
    r"t'\w+|ça|ca|c'est|c'était|c'etait|il|elle|ils|elles) )(?:[\w']+ ){0,4}?(?<!n'importe )(?<!ne sais )"
    r"(?<!sais pas )"
    r"(?:comment|(?<![\w'-])" + _QUOI_ASKED_AFTER + r" quoi|combien|quand|où|d'où|à quel moment|"
    r"a quel moment|(?:quel|quelle|quels|quelles) \w+)"
    r"(?: (?:pour|par|en|de|d'\w+|avec|dans|sur|chez|depuis|avant|après|aujourd'hui|exactement|"
    r"maintenant|concrètement|là|la|ensuite|au juste|le|les|l'\w+|ce|cette|ces|ton|ta|tes|votre|vos|"
    r"un|une|des|du|eux|lui|elle|toi|vous|selon|à|au|aux|d'après)(?: [\w'-]+){0,8})?$"
    # un récit demandé en fin de message (« et les 2 signés raconte-moi », « raconte tout »)
    r"|(?:^|\s)(?:raconte|racontez)(?:-moi|-nous)?(?: tout| un peu| vite| ça)?$"
)
# Mots dont une phrase sans « ? » a besoin pour être lue comme une question (pré-test rapide ;
# une phrase avec un trait d'union ou « est ce » passe toujours par toutes les règles).
QUESTION_CUES = frozenset(
    """quoi quel quelle quels quelles lequel laquelle lesquels lesquelles comment pourquoi où
    quand combien autre autres demande demandais curieux curieuse savoir comprendre entendre
    connaître hein intéressé intéressée exemple exemples""".split()
)
# Inversion tapée sans trait d'union (« voulez vous ») : l'autre façon de poser une question.
QUESTION_CUE_PATTERN = (
    r"\b(?:voulez|pouvez|avez|êtes|savez|connaissez|pensez|souhaitez|aimeriez|auriez|pourriez|"
    r"voudriez|seriez|veux|peux|as|es|sais|connais|penses|aimerais|pourrais|voudrais|vas|allez|"
    r"devez|dois|croyez|crois|trouvez|trouves|comptez|comptes|avons|sommes) (?:vous|tu|nous)\b"
    r"|\bqui (?:est-ce|a|va|peut|veut|vous|t'|te|est)\b"
    r"|\bsais (?:pas|plus) (?:\w+ )?si\b|\bpas (?:sûr|sûre|certain|certaine) (?:que|si)\b"
    r"|\b(?:ça|ca) (?:te |vous |t')(?:dit|dirait|va|irait|convient|conviendrait|tente|tenterait)\b"
    r"|\b(?:tu veux|vous voulez|tu voudrais|vous voudriez) (?:qu'on|que|mon|notre|bien)\b"
    r"|\b(?:ça|ca) (?:te |vous |t')intéress"
    r"|\b(?:tu préfères|vous préférez)\b|\b(?:tu veux|vous voulez) [\w']+ (?:[\w']+ ){0,5}ou\b"
    r"|\barrive (?:souvent|parfois|de)\b|\bsur (?:10|dix)\b|\bc'est toujours le cas\b"
    r"|\by est,? (?:tu|vous|t')"
)
# Fins de phrase qui peuvent faire une fausse question sans « ? » (voir TAG_NO_MARK).
QUESTION_CUE_ENDINGS = (
    "non",
    "pas vrai",
    "tu vois",
    "vous voyez",
    "n'est-ce pas",
    "n'est ce pas",
    "ça",
    "va",
    "irait",
    "bien",
    "minute",
    "minutes",
    "minutes là",
    "ou pas",
    "du tout",
    "pas encore",
    "pour toi",
    "pour vous",
    "le cas",
    "ou pas trop",
    "ce que je veux dire",
    "ou non",
    "bon moment",
    "vous aussi",
    "toi aussi",
)
# Sans aucune ponctuation (SMS, transcription), une affirmation sur ce que l'autre a fait, vit ou
# entend est une question : celui qui parle ne peut pas le savoir (« t'as eu des nouvelles de la
# salle », « tu l'as relancé », « vous avez passé un bon week-end », « tu m'entends bien »,
# « il pleut chez vous aussi »). Pas les constats (« t'as raison », « t'as l'air ») ni les négations.
_PARTICIPLE = (
    r"(?:[\w-]+(?:é|ée|és|ées|ee|ees)|eu|pu|vu|su|fait|pris|mis|dit|écrit|ecrit|reçu|recu|fini|réfléchi|"
    r"reflechi|réussi|reussi|choisi|compris|répondu|repondu|relance|envoye|appele|rappele|passe|"
    r"allee|alle|parle|essaye|poste|signe|teste|contacte|demande|pense|trouve|prepare|calcule|fixe|"
    r"augmente|baisse|facture|ose|valide|commence|lance|decide|regarde|avance|bosse|termine|reserve|"
    r"note|publie|ete)"
)
ASKED_STATEMENT = (
    r"^(?:(?:tu|vous) (?:(?:l'|m'|y |en |les |leur |lui |me |nous |la |le )*)(?:as|avez|es|êtes|etes|"
    r"étais|etais|étiez|etiez) |t'(?:(?:en |y )?(?:as|es|étais|etais) |l'as |les as |y es |en as ))"
    r"(?:(?:déjà|deja|bien|enfin|encore|toujours|finalement|du coup|pu|eu|réussi à|reussi a) )*"
    + _PARTICIPLE
    + r"\b(?:(?! et (?:ça|ca|c'est|c'était)\b| mais )[^,])*(?:, quel(?:le)?s? [\w' ]+)?$"
    r"|^(?:tu|vous) (?:m'entends|m'entendez|me vois|me voyez|me reçois|me recevez|m'écoutes)(?: bien)?$"
    r"|^(?:tu|vous) (?:penses|pensez|crois|croyez|trouves|trouvez) (?:vraiment|sincèrement|honnêtement|"
    r"franchement) (?:que|qu')"
    r"|^(?:\S+ ){1,8}(?<!à )(?<!a )(?:chez )?(?:vous|toi) aussi$"
)
# Ce qu'ASKED_STATEMENT demande au moins (test rapide avant l'expression régulière).
ASKED_CUES = ("tu ", "t'", "vous ")
# Mots longs mais sans contenu, ignorés quand on cherche si une reprise reprend les mots de l'autre.
ECHO_STOPWORDS = frozenset(
    """alors quand comme parce aussi toujours vraiment encore juste peut-être depuis avant après
    pendant quelque chose autre autres cette celui celle ceux leurs votre notre était avait faire
    suis sommes êtes sont serait pourrait voilà enfin bref ouais merci bonjour salut beaucoup""".split()
)
# Une négation fait d'une phrase sans « ? » un constat (« t'as pas baissé »).
NEGATION = r"(?<![\w'-])(?:pas|jamais|plus|rien|personne|n'|ne)(?![\w-])"

# Une marque d'accord réservée aux textes sans ponctuation finale (aucune en français : TAG_NO_MARK
# suffit).
TAG_UNSTOPPED = r"(?!x)x"

# Une confirmation demandée à la fin d'une phrase sans « ? » : une question fermée (« vous faites
# vos devis sur excel c'est ça », « je vous cale jeudi ça vous va », « vous allez bien »). « C'est
# ça » seul, ou après moins de quatre mots, répond (« oui c'est ça »).
CHECK_END = (
    r"(?:^|\s)(?:(?:vous allez|tu vas) (?:toujours )?bien|(?:ça|ca) (?:te |vous |t')(?:va|irait)|"
    r"(?:vous avez|tu as|t'as) (?:deux|cinq|dix|une|quelques) minutes?(?: là)?|c'est bon pour (?:toi|vous)|"
    r"ou pas(?: du tout| encore| trop)?|ou non|c'est toujours le cas)$"
    # une alternative laissée à l'autre (« vous avez deux minutes là ou c'est pas le bon moment »)
    r"|\bou (?:c'est|c'était) pas (?:le bon moment|trop tôt|trop tard|possible|pour toi|pour vous)$"
    # une note demandée sans verbe (« et ta confiance sur 10 pour la discussion »)
    r"|^(?:et )?(?:ta|votre) (?:confiance|motivation|énergie|note|fatigue|stress) (?:là )?sur (?:10|dix)\b"
    r"|^(?:\S+ ){4,}c'est (?:bien )?ça$"
)

# Mots interrogatifs en fin de phrase qui demandent un fait (« tu pars quand », « c'est où »).
# « t'en es où », « ils en sont où » : un point d'étape, question ouverte malgré « où ».
WH_END_OPEN = r"\ben (?:es|est|êtes|etes|sont|suis|sommes) où\b"

WH_END_CLOSED = (
    "combien",
    "quand",
    "où",
    "qui",
    "heure",
    "jour",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "lequel",  # un choix (« c'est lequel ? ») : fermée
    "laquelle",
)

# Mots dont WH_END a besoin (test rapide avant l'expression régulière).
WH_END_WORDS = ("comment", "quoi", "pourquoi", "raconte", *WH_END_CLOSED)

# Marqueurs qui peuvent précéder une question sans virgule (« et toi comment tu as réagi »,
# « à ton avis quelle est la marge ») : sautés seulement si la suite a la forme d'une question.
LEAD_IN = (
    r"^(?:(?:et toi|et vous|toi|vous|à ton avis|à votre avis|selon toi|selon vous|d'après toi|"
    r"d'après vous|aujourd'hui|concrètement|franchement|en gros|à peu près|approximativement|au fait|pas de souci|top|cool|"
    r"génial|merci|et|alors|donc|bon|ok|okay|d'accord|du coup|en fait|sinon|bravo|super|waouh|wow|"
    r"trop bien|excellent|chapeau|félicitations)[\s,]+)+"
)
# Une salutation puis un prénom, sans virgule (« salut karim comment ça va ») : le prénom saute.
HELLO_NAME = r"^(?:bonjour|bonsoir|salut|coucou|hello|hey|re) [^\W\d]+[\s,]+"


TAG_END = [
    r"non",
    r"hein",
    r"n'est-ce pas",
    r"n'est ce pas",
    r"pas vrai",
    r"c'est pas vrai",
    r"d'accord",
    r"ok",
    r"okay",
    r"tu vois",
    r"vous voyez",
    r"tu sais",
    r"vous savez",
    r"si",
    r"oui",
    r"ouais",
    r"pas",
    r"ou quoi",
    r"tu crois pas",
    r"vous ne croyez pas",
    r"tu trouves pas",
    r"vous ne trouvez pas",
    r"hum",
    r"quand même",
    r"tu penses pas",
    r"right",
]

NEEDS = [
    r"qu'attend(?:ez|s)[- ](?:vous|tu)",
    r"qu'est-ce que (?:vous attendez|tu attends|vous aimeriez|tu aimerais|vous souhaitez|tu souhaites|vous voulez|tu veux) (?:de|obtenir|retirer|travailler|aborder|qu'on)",
    r"de quoi (?:avez-vous|as-tu|auriez-vous|aurais-tu|vous avez|tu as|tu aurais|vous auriez) besoin",
    r"(?:vous|tu) (?:avez|as|auriez|aurais) besoin de quoi",
    r"comment (?:puis-je|je peux|est-ce que je peux|pourrais-je|je pourrais) (?:vous |t')?(?:aider|être utile)",
    r"en quoi (?:puis-je|je peux|pourrais-je|je pourrais) (?:vous |t')?(?:aider|être utile)",
    r"qu'est-ce (?:qui|que) (?:vous|te|t'|tu) (?:serait|serais|rendrait|amène|amènes)",
    r"qu'est-ce qui vous amène",
    r"qu'est-ce qui (?:vous|t') a (?:amené|amenée|décidé|décidée|poussé|poussée|donné envie)",
    r"qu'est-ce qui t'amène",
    r"qu'est-ce qui (?:rendrait|ferait de) (?:cet|cette|ce|notre)",
    r"(?:quels sont|quelles sont) (?:vos|tes) (?:besoins|attentes|objectifs|priorités)",
    r"(?:quel est|quelle est) (?:votre|ton|ta) (?:besoin|attente|objectif|priorité)",
    r"sur quoi (?:voulez-vous|veux-tu|aimeriez-vous|aimerais-tu|souhaitez-vous|vous voulez|tu veux|on travaille|travaille-t-on)",
    r"(?:de|sur) quoi (?:voulez-vous|veux-tu|aimeriez-vous|aimerais-tu|souhaitez-vous|vous voulez|tu veux|vous aimeriez|tu aimerais) (?:parler|travailler|qu'on)",
    r"qu'est-ce qui est (?:important|le plus important) pour (?:vous|toi)",
    r"par où (?:voulez-vous|veux-tu|aimeriez-vous|vous voulez|tu veux) commencer",
    r"qu'(?:aimeriez|voudriez|souhaiteriez)-vous (?:obtenir|retirer|travailler|aborder)",
    r"que (?:voulez|souhaitez|attendez)-vous (?:de|obtenir|retirer)",
    r"(?:vous|tu) (?:attendez|attends) quoi",
    r"de quoi (?:as-tu|avez-vous|tu as|t'as|vous avez) envie (?:de parler|qu'on parle)",
    r"(?:t'as|tu as|vous avez) besoin d'autre chose",
    r"de quoi (?:t'aurais|t'as) besoin",
    r"qu'est[- ]ce qui (?:te |vous |t')?(?:ferait|rendrait|aiderait|changerait|serait le plus important)",
    # ce qui rendrait l'outil, le temps, l'échange valable pour l'autre
    r"ce qui,? (?:pour (?:vous|toi),? )?(?:ferait|rendrait) (?:qu'|que )?(?:un|une|cet|cette|le|la|ce)",
    r"qu'est-ce qui (?:vous|t') a (?:amené|amenée|poussé|poussée|décidé|décidée) à (?:nous|me) "
    r"(?:contacter|appeler|écrire)",
    r"qu'est-ce que (?:tu|vous) (?:voudrais|voudriez|aimerais|aimeriez|souhaites|souhaitez) "
    r"(?:qu'on|aborder|travailler|obtenir|retirer|changer)",
    r"qu'est-ce qui (?:te|vous|t') (?:serait|serais) (?:utile|le plus utile)",
    r"(?:qu'est-ce qui|qu'est ce qui) (?:rendrait|ferait de) (?:cette séance|cet échange|notre échange|cet appel)",
    # « qu'est-ce qui t'aiderait », « qu'est-ce qui serait important (pour eux) », « qu'est-ce
    # qu'il faudrait pour… » : ce dont l'autre, ou ceux qu'il représente, a besoin
    r"qu'est-ce qui (?:t'|vous |te |lui |leur )?aiderait",
    r"qu'est-ce qui (?:te |vous |t'|lui |leur )?(?:serait|semblerait) (?:le plus |vraiment )?"
    r"(?:important|utile|essentiel|idéal|prioritaire|un bon résultat|une réussite|un succès)",
    r"qu'est-ce qui ferait (?:que|la différence)",
    r"qu'est-ce qui est (?:le plus |vraiment )?important pour (?:eux|elles|lui|elle|vos \w+|tes \w+|"
    r"votre \w+|ton \w+|ta \w+)",
    r"(?:qu'est-ce qu'il|que) (?:te |vous |leur |lui |t')?faudrait(?:-il)? pour",
    r"de quoi (?:ils|elles|il|elle|vos \w+|tes \w+|votre \w+|ton \w+|ta \w+|les \w+) "
    r"(?:auraient|aurait|ont|a) besoin",
    r"de quoi (?:auraient|aurait|ont)-(?:ils|elles|il|elle) besoin",
    r"(?:à quoi ressemblerait|ce serait quoi) (?:pour (?:vous|toi) )?(?:un bon résultat|une réussite|"
    r"un succès|le succès)",
]

REFLECTION_START = [
    r"si je (?:comprends|vous comprends|te comprends|vous entends|t'entends|résume) bien",
    r"si (?:j'ai|je t'ai|je vous ai) bien (?:compris|suivi|saisi)",
    r"(?:donc|alors|en somme|bref) (?:vous|tu|pour vous|pour toi|ce que)",
    r"(?:vous|tu) (?:dites|dis|disiez|disais) que",
    r"(?:vous|tu) (?:avez|as|aviez|avais) l'impression",
    r"(?:vous|tu) (?:vous sentez|te sens|vous êtes senti|t'es senti|ressentez|ressens)",
    r"ce que j'entends",
    r"j'entends que",
    r"j'entends (?:bien )?(?:beaucoup|de la|du|une|un)",
    r"autrement dit",
    r"en d'autres termes",
    r"(?:ça|cela) (?:a l'air|semble|me semble) (?:difficile|dur|lourd|compliqué|important|pesant)",
    r"on dirait que",
    r"il (?:me )?semble que (?:vous|tu|pour)",
    r"(?:pour vous|pour toi),",
    r"(?:d'un côté|d'une part)",
    r"(?:une partie de vous|une partie de toi)",
    r"(?:c'est|ça a l'air|ça semble) (?:important|essentiel|difficile|dur|pesant|lourd) pour (?:vous|toi)",
    r"(?:vous|tu) (?:aimeriez|aimerais|voudriez|voudrais|souhaiteriez|souhaiterais|voulez|veux|"
    r"avez envie|as envie|hésitez|hésites|doutez|doutes|craignez|crains|pensez|penses|trouvez|"
    r"trouves|sentez|sens|vivez|vis|êtes|es|avez|as|n'êtes|n'es|n'avez|n'as|ne|n'|semblez|"
    r"sembles|tenez|tiens)\b",
    r"(?:ça|cela) (?:vous|te|t') (?:pèse|inquiète|préoccupe|fatigue|frustre|touche|tient)",
    r"c'est (?:difficile|dur|frustrant|épuisant|pesant|lourd) (?:pour vous|pour toi|de|quand)",
    r"(?:votre|ton|ta) (?:\w+ )?(?:compte|est|était|a été) (?:important|importante|difficile)",
]
REFLECTION_ANYWHERE = [
    r"si je comprends bien",
    r"ce que j'entends",
    r"(?:vous|tu) (?:dites|dis) que",
    r"autrement dit",
    r"d'un autre côté",
    r"(?:c'est|est) (?:important|essentiel) pour (?:vous|toi)",
    r"(?:important|essentiel|difficile|dur|nouveau|lourd|compliqué) pour (?:vous|toi)$",
    r"j'entends",
    r"j'ai (?:le sentiment|l'impression) que (?:vous|tu|pour)",
    r"(?:c'est|comme) si (?:vous|tu)",
]

# Affirmations qui commencent par soi ou par la séance (« Je... », « On va... ») : pas une
# reformulation de ce que vit l'autre.
SELF_START = r"^(?:quand j'|quand je|à l'époque où je|je|j'|moi|me|m'|nous|on|mon|ma|mes|notre|nos|laissez-moi|laisse-moi|merci|bonjour|bonsoir|salut|bienvenue|enchanté|enchantée|au revoir|à bientôt)(?:(?<=')|(?![\w-]))"

# Débuts à la première personne qui disent la compréhension, pas un contenu propre.
EMPATHY_START = r"^(?:je |j')(?:(?:vous |te |t')?(?:comprends|vois|entends|sais|imagine|remercie)|suis (?:désolé|désolée|content|contente|ravi|ravie|curieux|curieuse|touché|touchée))"

# Conseil à l'impératif en tête de phrase (« Essayez de... », « Pensez à... »).
ADVICE_START = r"^(?:juste |simplement |alors )?(?:fonce|foncez|essayez|essaie|essaye|évitez|évite|pensez à|pense à|n'oubliez pas|n'oublie pas|commencez par|commence par|arrêtez de|arrête de|prenez(?! soin)|prends(?! soin)|faites|fais|gardez|garde|appelez|appelle|écrivez|écris)(?![\w-])"

# Les reformulations-résumés commencent souvent par « donc » ou « en fait ».
SUMMARY_START = r"^(?:(?:ok|okay|oui|ouais|d'accord|hum+|euh+|et|bon|ah|très bien|je vois)[\s,.-]*)*(?:donc|bref|en somme|en résumé|si je résume|en fait,? (?:vous|tu|pour))\b"

INPUT = [
    # (look-behinds après le pronom : en tête, ils empêcheraient la recherche rapide du préfixe)
    r"(?:vous|tu)(?<!ce que vous)(?<!quand vous)(?<!lorsque vous)(?<!si vous)(?<!ce que tu)"
    r"(?<!quand tu)(?<!lorsque tu)(?<!si tu) (?:devriez|devrais|devez|dois|pourriez|pourrais|auriez intérêt|aurais intérêt)"
    r" (?:\w+ )?(?:essayer|faire|prendre|commencer|arrêter|penser|éviter|aller|voir|demander|"
    r"changer|mettre|utiliser|réduire|augmenter|appeler|lire|tester|choisir|envisager|[a-zéè]+er)\b",
    r"il (?:faut|faudrait|suffit de|suffirait de|vaut mieux|vaudrait mieux)",
    # une obligation dans une subordonnée rapporte la situation de l'autre (« ce que vous devez
    # faire », « quand tu dois partir ») : seule celle de la principale pousse
    r"(?:vous|tu)(?<!ce que vous)(?<!quand vous)(?<!lorsque vous)(?<!ce que tu)(?<!quand tu)"
    r"(?<!lorsque tu) (?:devez|dois|devriez|devrais) "
    r"(?:vraiment |absolument |juste |aussi )?"
    r"(?!sûrement|certainement|probablement|bien|sans doute|forcément|être)\w+",
    r"(?:vous|tu)(?<!ce que vous)(?<!ce que tu)(?<!si vous)(?<!si tu) (?:devriez|devrais) être (?:à|au|"
    r"plus|moins|au-dessus|au moins)\b",
    # une généralité sur les gens, dite comme un savoir (« les graphistes sous-estiment toujours
    # leur valeur », « ils font tous ça », « c'est classique »)
    r"(?:les|tous les|la plupart des) [a-zéèêàç-]+s (?:[\w']+ ){0,2}(?:toujours|jamais|systématiquement)\b",
    r"(?:ils|elles) (?:[\w']+ )?(?:font|sont|disent|veulent|ont|fonctionnent) (?:tous|toutes)\b",
    r"c'est (?:classique|toujours comme ça|toujours ça|toujours pareil|le cas de tout le monde)",
    r"(?:tu vas|vous allez) (?:doubler|tripler|exploser|cartonner|voir la différence)\b",
    # « faut arrêter », « faut pas t'arrêter à ça » : « il faut » à l'oral
    r"(?<!il )(?<!qu'il )faut (?:pas |juste |surtout |vraiment |absolument )?[\w']+",
    # des consignes énumérées (« Un, tu relances à J+3. Deux, tu mets des photos »), un conseil
    # annoncé (« je vais te dire ce qui coince »), ce que tout le monde dit ou fait
    r"(?:un|deux|trois|premièrement|deuxièmement|d'abord|primo),? (?:tu|vous) [\w']+",
    r"je vais (?:te|vous) dire (?:ce qui|ce que|comment|un truc|une chose)",
    r"tout le monde (?:dit|fait|a) ça",
    r"c'est ce que je vois (?:partout|tout le temps|souvent)",
    r"(?:ils|elles) (?:[\w']+ )?(?:trouvent|trouveront|paient|paieront|reviennent|reviendront) toujours\b",
    r"je (?:vous |te |t')?(?:conseille|recommande|suggère|propose|préconise|encourage)",
    r"je (?:vous |te |t')?(?:conseillerais|recommanderais|suggérerais|proposerais)",
    r"(?:ça|cela) (?:marche|fonctionne|aide) (?:souvent |mieux |bien )?(?:si|quand|de)",
    r"(?:mon|notre) (?:conseil|avis|recommandation|expérience montre)",
    r"(?:il est|c'est) (?:important|essentiel|conseillé|recommandé|indispensable|nécessaire|"
    r"préférable|mieux) (?:de|que|d')",
    r"le mieux (?:c'est|est|serait) de",
    r"l'idéal (?:c'est|est|serait) de",
    r"(?:à votre place|à ta place|si j'étais (?:vous|toi))",
    r"peut-être que (?:vous|tu) (?:pourriez|pourrais|devriez|devrais|pouvez|peux)",
    r"(?:ce serait|ça serait|ça pourrait être|ce pourrait être) (?:bien|utile|une bonne idée|mieux|"
    r"raisonnable|plus sûr|plus simple|"
    r"judicieux|important) (?:de|d'|que|si)",
    r"(?:vous allez|tu vas) (?:devoir|regretter|perdre|échouer|avoir du mal)",
    r"(?:on|nous) (?:appelle|appelons|définit|définissons|recommande|recommandons|conseille)\b",
    r"ce qu'on appelle",
    r"(?:une|autre|une autre|une bonne) (?:option|idée|possibilité|piste|suggestion)\b",
    r"(?:quelques|deux|plusieurs) (?:idées|options|pistes|suggestions)",
    r"ce que (?:font )?(?:certaines personnes|certains clients|beaucoup de gens|d'autres)",
    r"(?:ça|cela) (?:a aidé|aide souvent|aide) (?:d'autres|beaucoup de|certains|certaines)",
    # une option offerte, pas ce que l'autre peut faire dans une subordonnée (« si tu peux venir »)
    r"(?:vous|tu)(?<!si vous)(?<!que vous)(?<!qu'on vous)(?<!si tu)(?<!que tu) "
    r"(?:pouvez|peux) (?:toujours |aussi |simplement )?"
    r"(?:venir|appeler|demander|en parler|"
    r"travailler|contacter|utiliser|essayer|aller|réserver|m'appeler|m'écrire)\b",
    r"c'est quelque chose que (?:vous pouvez|tu peux|nous pouvons|on peut)",
    # une option montrée : « quelque chose que tu peux essayer », « des gens à qui vous pourriez parler »
    r"(?:quelque chose|des choses|des endroits|des gens|des personnes|des ressources|des façons) "
    r"(?:que|qu'|où|à qui) (?:vous|tu) (?:pouvez|pourriez|peux|pourrais) (?!faire\b|être\b|avoir\b)\w+",
    r"je (?:pense|crois) (?:que|qu') (?:vous|tu|ça|cela|il|on) (?:devriez|devrais|pourriez|pourrais|"
    r"gagneriez|gagnerais|aurait|serait|faudrait|devrait)",
    r"si (?:vous avez|tu as) (?:des|d'autres) (?:questions|besoins)",
    r"(?:dites|dis)-(?:lui|leur) (?:simplement|juste|que)",
    r"(?:est-ce que je peux|puis-je|je peux) (?:vous |te |t')?(?:partager|donner|proposer|expliquer|"
    r"montrer|présenter)",
    r"(?:voulez-vous|veux-tu|vous voulez|tu veux) (?:que je vous|que je te|des) (?:donne|explique|"
    r"présente|informations|conseils|idées)",
    r"j'aimerais (?:vous |te |t')?(?:proposer|présenter|expliquer|montrer|parler de)",
    r"je (?:vous |te |t')?(?:rappelle|enverrai|envoie|appelle|écris) (?:demain|lundi|la semaine|"
    r"dans|ce soir|plus tard|le)",
    r"(?:c'est|ce sera|ça peut être|cela peut être) (?:très |assez |plutôt |vraiment )?(?:efficace|"
    r"grave|dangereux|risqué|sans danger|rare|courant|normal|confidentiel)\b",
    r"(?:laissez|laisse)-moi (?:vous |te |t')?(?:expliquer|montrer|présenter|dire)",
    r"je (?:vais|peux) (?:vous |te |t')?(?:expliquer|montrer|présenter|envoyer|proposer|donner)",
    r"(?:les études|la recherche|les chiffres|les statistiques|les experts|les médecins|"
    r"la science|les données) (?:montrent|montre|disent|dit|indiquent|recommandent)",
    r"(?:selon|d'après) (?:les|une|des|la) (?:études|étude|chiffres|experts|recommandations)",
    r"(?:augmente|réduit|diminue|double) (?:le|les|vos|tes) (?:risque|risques|chances)",
    r"(?:peut|peuvent|risque de|risquent de) (?:provoquer|entraîner|causer|augmenter|réduire)",
    r"(?:beaucoup de|la plupart des|certains|certaines|de nombreux|nos) (?:gens|personnes|"
    r"clients|patients|utilisateurs|coachs) (?:trouvent|disent|font|choisissent|préfèrent|"
    r"utilisent|ont|qui)",
    r"(?:il y a|il existe) (?:plusieurs|différentes|différents|quelques|d'autres|des) "
    r"(?:options|solutions|façons|moyens|possibilités|pistes|approches|formules|offres)",
    r"(?:une|la) (?:option|solution|piste|possibilité) (?:serait|c'est|est|pourrait être)",
    r"(?:nous|on) (?:proposons|propose|offrons|offre|avons une|a une|fournissons)",
    r"(?:et si|que diriez-vous si|que dirais-tu si) (?:on|nous|vous|tu)",
    r"(?:on|nous) (?:pourrait|pourrions|devrait|devrions) (?:fixer|planifier|prévoir|essayer|"
    r"convenir|décider|commencer)",
    r"\d+ ?(?:%|pour ?cent|euros|€|mg|verres|fois par)",
    r"(?:notre|nos|mon|ma|mes) (?:produit|produits|offre|offres|solution|solutions|plateforme|"
    r"service|services|programme|méthode|approche|formule|outil|équipe|entreprise|société)",
    r"(?:la meilleure|la seule|le meilleur|la bonne) (?:façon|solution|option|chose|méthode)",
    r"(?:serait|pourrait être|ce serait) (?:la meilleure|le meilleur) (?:chose|façon|option|choix)\b",
    r"(?:à mon avis|selon moi|d'après moi|dans mon expérience|par expérience)",
    r"(?:on|nous) (?:va|allons|pourra|pourrons|peut|pouvons) (?:fixer|planifier|prévoir|"
    r"programmer|envoyer|vérifier|revoir|prendre rendez-vous|commencer|faire le point)",
    r"(?:je vais|je peux) (?:vous |te |t')?(?:envoyer|prescrire|orienter|donner|remettre|inscrire)",
    r"(?:selon|d'après) (?:votre|ton|le|la|les|nos)",
    r"(?:est|sont) (?:plus|moins) (?:susceptibles?|probables?|fréquents?|à risque)",
    r"(?:associé|associée|associés|lié|liée|liés) (?:à|au|aux)",
    r"(?:on sait|nous savons|les médecins savent) (?:que|qu')",
    r"(?:peut|peuvent|pourrait|pourraient|va|vont) (?:vraiment |aussi |souvent )?(?:aider|provoquer|"
    r"réduire|augmenter|améliorer|abîmer|vous coûter|te coûter)",
    r"(?:on|nous) (?:peut|pourrait|pouvons|pourrions) (?:aussi )?(?:regarder|essayer|travailler|"
    r"voir|commencer|fixer|explorer|parler)",
    r"(?:vous allez|tu vas) (?:devoir|avoir besoin de)",
    r"(?:j'ai|nous avons|on a) (?:constaté|remarqué|observé) (?:que|chez|avec)",
    r"(?:je suis là|je suis ravi|je suis ravie) pour (?:vous |t')?(?:aider|expliquer|donner)",
    r"(?:vous|tu) (?:comprenez|comprends|réalisez|réalises|savez|sais) (?:bien )?(?:que|qu'|ce que)"
    r" (?:c'est|vous|tu|votre|ton)",
    r"(?:c'est|cela s'appelle|ça s'appelle|on appelle ça) (?:ce qu'on appelle|un signe|un symptôme|"
    r"normal de|courant|recommandé|obligatoire|la loi)",
    r"je (?:vois|constate) (?:que|sur|dans) (?:votre|ton|ta|vos|tes|le|la)",
    # un retour de ce que la personne a observé (« je vois que vous avez déjà... »)
    r"je (?:vois|constate) que (?:vous avez|tu as|vous avez déjà|tu as déjà)\b",
    r"je (?:vous |te )?dirais (?:que|qu'|de|d')",
    r"(?:vous avez|tu as|on a|nous avons) besoin de (?:\w+ )?(?:prendre|faire|commencer|arrêter)",
    r"(?:mon rôle|mon objectif|l'objectif|le but|la prochaine étape) (?:est|c'est|ici|serait)",
    # une information sous forme de constat sur les gens en général (« beaucoup de gens... »)
    r"(?:beaucoup de|la plupart des|bien des|pas mal de|de nombreux|de nombreuses|certaines) "
    r"(?:autres )?(?:gens|personnes|clients|patients|parents|femmes|hommes|jeunes)\b",
    r"(?:vous n'êtes|tu n'es|t'es) pas (?:seul|seule|seuls|seules)\b",
    r"parfois,? (?:quand |si |lorsque )?(?:les gens|on|ça|c'est|il y a|certains)\b",
    # la personne fixe l'ordre du jour avec son propre plan (« avant que vous partiez... »,
    # « la façon dont ça marche... », « j'aimerais vous poser quelques questions »)
    r"avant (?:que vous partiez|que tu partes|de partir|qu'on termine|de terminer|d'aller plus loin|"
    r"qu'on commence|de commencer)",
    r"(?:la façon dont|la manière dont|comment) (?:ça|cela|on) (?:marche|fonctionne|procède|travaille)"
    r"(?:,|\s)+(?:c'est|ici|d'habitude|en général)",
    r"ce (?:que je vous propose|que je te propose|que j'aimerais|que je voudrais|que je vais|qu'on va|"
    r"que nous allons) (?:de )?faire",
    r"j'aimerais (?:vous poser|te poser|qu'on parle|qu'on regarde|qu'on fasse|commencer|prendre)",
    r"je (?:voulais|voudrais) (?:vous |te )?(?:parler|demander|poser|faire le point|vous dire|te dire)",
    r"la raison pour laquelle je (?:vous |te )?(?:demande|pose|pose la question)",
    r"(?:ça fait partie de|une partie de|ça fait partie du) (?:mon|mes) (?:travail|rôle|métier|missions)",
    r"mon (?:travail|métier) (?:c'est|est|consiste)",
    # décrire ce qui va se passer dans la séance (« on va regarder... », « vous et moi allons... »)
    r"(?:on va|nous allons|vous et moi allons|toi et moi on va) (?:d'abord |ensemble |aussi )?"
    r"(?:faire|regarder|travailler|commencer|essayer|prendre|passer|parler|revoir|laisser|voir ensemble|"
    r"creuser|avancer)\b",
    # énumérer son propre contenu (« l'autre chose, c'est... », « une autre piste serait... »)
    r"l'autre (?:chose|aspect|option|piste|point|source),? (?:c'est|est|serait|qui)\b",
    r"une autre (?:chose|option|piste|source|idée|façon) (?:c'est|est|serait|que (?:je|nous|on))\b",
    r"(?:l'un|l'une) des (?:risques|effets|avantages|problèmes|défis|dangers|bénéfices) "
    r"(?:de|du|des|c'est|est)\b",
    r"une des choses que (?:nous|je|on) (?:faisons|fais|fait|utilisons|utilise|proposons|propose|"
    r"recommandons|recommande)\b",
    # rapporter ce qu'un tiers a dit (« votre responsable m'a dit... »)
    r"(?:votre|ton|ta|vos|tes) \w+ (?:m'a|m'ont) (?:dit|appelé|appelée|prévenu|prévenue|écrit|signalé)",
    # une offre de son aide ou de son temps (« je serais ravi de... », « je suis disponible »)
    r"je serais (?:très |vraiment )?(?:ravi|ravie|content|contente|heureux|heureuse) de\b"
    r"(?! savoir| connaître| comprendre| vous entendre| t'entendre| l'entendre)",
    r"je suis (?:disponible|prêt à|prête à|là pour vous|là pour toi)",
    r"je (?:reviens|reviendrai|peux revenir) vers (?:vous|toi)",
    # souhaiter un comportement de l'autre est un conseil (« j'espère que vous allez... »)
    r"(?:j'espère|je souhaite|j'aimerais|je voudrais) (?:vraiment )?que (?:vous|tu) "
    r"(?:alliez|ailles|allez|vas|puissiez|puisses|pourrez|pourras|essayiez|essaies|arrêtiez|arrêtes|"
    r"pensiez|penses|preniez|prennes)\b",
    # une inquiétude de la personne (« je suis vraiment inquiète », « ça m'inquiète »)
    r"je suis (?:vraiment |très |un peu |assez |aussi |juste )*(?:inquiet|inquiète|préoccupé|"
    r"préoccupée|soucieux|soucieuse)\b",
    r"(?:ça|cela) m'(?:inquiète|préoccupe|inquiéterait)",
    r"(?:c'est|ce qui est) (?:un peu |assez |très |vraiment )?(?:inquiétant|préoccupant)",
    # une règle énoncée (« vous n'avez pas le droit de... », « il y a des règles »)
    r"(?:vous n'avez|tu n'as|t'as|on n'a|nous n'avons) pas le droit de",
    r"(?:il y a|on a|nous avons) (?:des|quelques|certaines) règles",
    r"(?:le rapport|le dossier|le formulaire|les résultats|le questionnaire|le bilan) "
    r"(?:indique|indiquent|montre|montrent|dit|disent|mentionne)",
    r"(?:c'est|ce serait) (?:peu |très |assez |plutôt )?probable\b",
    r"j'ai (?:aussi |déjà )?entendu (?:dire que|dire qu'|parler de)",
    # un constat général avec un adverbe de fréquence (« ce sont souvent... », « c'est en général »)
    r"(?:ce sont|c'est|ils sont|elles sont) (?:souvent|généralement|en général|habituellement)\b"
    r"(?! vous\b| toi\b)",
    # « ce qu'il faut faire maintenant, c'est… » annonce un conseil
    r"ce qu'il (?:te |vous |nous )?(?:faut|faudrait) (?:faire|que (?:tu|vous))(?: \w+)?,? c'est\b",
    # la prochaine étape de la personne, au présent (« je vous envoie une proposition ce soir »)
    r"je (?:vous |te |t')(?:envoie|enverrai|renvoie|transmets|transmettrai|prépare|préparerai) "
    r"(?:une|un|la|le|les|mon|ma|mes|notre|nos|tout|ça|cela|ce)\b",
]

# La persuasion déguisée en question (« Vous ne pensez pas que vous devriez... ? »).
PERSUASION = [
    r"(?:vous ne pensez pas|tu ne penses pas|tu penses pas|vous ne croyez pas|tu crois pas) (?:que|qu')",
    r"(?:oui|ouais|d'accord|ok|bon),? mais (?:vous|tu|votre|ton|ta|ça|c'est)\b",
    r"(?:ne serait-il pas|ce ne serait pas|ça ne serait pas|ce serait pas) (?:mieux|plus simple|plus sage|bien)",
    r"pourquoi (?:ne pas|vous ne|tu ne|tu n'|vous n')",
    r"(?:à quoi|qu'est-ce que) (?:vous pensiez|tu pensais)",
    r"(?:vous|tu) (?:comprenez|comprends|réalisez|réalises|voyez|vois) (?:bien )?(?:que|qu')",
    r"(?:vous|tu) ne (?:devriez|devrais|pourriez|pourrais) pas",
    r"(?:avez-vous|as-tu|vous avez|tu as) (?:déjà )?(?:pensé|songé) à (?:essayer|prendre|passer|"
    r"acheter|signer|arrêter|changer)",
    r"(?:et si|que diriez-vous de|que dirais-tu de) (?:vous|tu|on|nous)? ?(?:essay|pren|pass|sign|achet)",
    # rassurer et promettre : l'avis de la personne poussé (« faites-moi confiance », « vous verrez »)
    r"(?:faites-moi|fais-moi) confiance",
    r"(?:croyez-moi|crois-moi)\b",
    r"(?:vous allez|tu vas) (?:adorer|aimer) (?:ça|ce|cette|cet|notre|nos|le|la|les)\b",
    r"(?:vous allez voir|tu vas voir),",
    r"(?:vous verrez|tu verras)(?:,|$| la différence)",
    r"(?:vous ne pourrez|tu ne pourras) plus (?:vous |t')?en passer",
]

# Un plan, un rendez-vous ou une offre que la personne avance, même en question (« On se revoit
# la semaine prochaine ? », « Voulez-vous que je vous l'envoie ? ») : elle mène avec son contenu.
# Les questions qui demandent à l'autre SON plan (« Qu'aimeriez-vous faire ensuite ? ») n'y sont pas.
PROPOSAL = [
    r"(?:on se revoit|on se retrouve|on se rappelle|on fixe|on prend|on planifie|on programme|"
    r"on cale|on convient d'|on peut se revoir|on pourrait se revoir|on pourrait fixer)",
    r"(?:voulez-vous|voulez vous|veux-tu|veux tu|vous voulez|tu veux|souhaitez-vous|aimeriez-vous) "
    r"(?:que je|qu'on)\b",
    r"(?:voulez-vous|veux-tu|vous voulez|tu veux|pouvez-vous|peux-tu) (?:revenir|repasser|me rappeler)",
    r"(?:se revoir|nous revoir|revenir me voir|repasser|en reparler) (?:la semaine|le mois|dans|lundi|"
    r"mardi|mercredi|jeudi|vendredi|demain|la prochaine fois)",
    # un créneau ou un travail commun avancé sans verbe modal (« on se cale un point ? », « ça te
    # dit un point vendredi », « tu veux qu'on la prépare ensemble ? », « ça t'aiderait si je… »)
    r"on se (?:cale|fixe|programme|planifie|prévoit)\b",
    r"on (?:fait|refait) (?:un|le) point\b",
    r"on (?:peut|pourrait) se (?:caler|voir|fixer|parler|appeler|retrouver|rappeler)\b",
    r"on (?:regardera|verra|fera|reverra) (?:ça|ca) ensemble\b",
    r"on (?:prépare|regarde|revoit|travaille) (?:ça|ca|le|la|les) (?:[\w']+ )?(?:lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|demain|ensemble)\b",
    r"je (?:vous|te) (?:envoie|propose) (?:deux|trois|des|les|quelques) (?:créneaux|dates|options|"
    r"propositions)\b",
    r"on se (?:reparle|rappelle|recontacte|tient au courant)\b",
    r"on en (?:reparle|rediscute)\b",
    r"on se (?:fait|refait|donne|prend) (?:un|une) (?:point|appel|call|visio|rendez-vous|rdv|réunion|"
    r"séance|créneau|café)",
    r"on se (?:voit|revoit|retrouve|parle|rappelle) (?:la semaine|le mois|lundi|mardi|mercredi|jeudi|"
    r"vendredi|demain|dans)",
    r"(?:ça|ca)(?<!que ça)(?<!que ca) (?:te|vous) (?:dit|dirait|irait|conviendrait)\b"
    r"(?! quelque| rien| sur| de ce)",
    r"(?:veux-tu|voulez-vous|tu veux|vous voulez|tu voudrais|vous voudriez|on pourrait) "
    r"(?:[\w']+ ){1,6}ensemble\b",
    r"(?:ça|cela) (?:t'|vous |te )?(?:aiderait|serait utile) (?:si|que) (?:je|j'|on|nous)\b",
]

SELF_PROMOTION = [
    r"j'ai (?:accompagné|aidé|coaché|formé|travaillé avec|conseillé) (?:des|plus de|\d|"
    r"beaucoup|énormément|des centaines|des milliers|de nombreux|tellement)",
    r"(?:mon|ma|mes) (?:expérience|expertise|parcours|méthode|méthodologie|approche|"
    r"résultats|succès|clients|livre|certification|diplômes|références)",
    r"je suis (?:expert|experte|le meilleur|la meilleure|certifié|certifiée|reconnu|reconnue|"
    r"connu|connue|l'un des|l'une des|très bon|très bonne|spécialiste)",
    r"(?:nous sommes|on est) (?:les meilleurs|le leader|leader|numéro un|n°1|les seuls|les premiers|primés)",
    r"(?:nos|mes) clients (?:adorent|disent|sont ravis|nous recommandent)",
    r"(?:ça fait|depuis) \d+ ans que je",
    r"(?:primé|primée|récompensé|récompensée|best-seller)",
    r"moi,? (?:je suis|j'ai|mon|ma|mes)",
    r"(?:on a|nous avons|on) (?:récupéré|récupère|gagné|gagne|pris|prend) (?:plein de|beaucoup de|des tas de|la moitié de|"
    r"plusieurs|\d+) (?:leurs )?clients",
    r"numéro un (?:chez|en|du|des|sur|dans|de)\b",
    r"plus de (?:[\w-]+ ){1,4}(?:hôtels|clients|clientes|artisans|boutiques|restaurants|cabinets|entreprises|"
    r"utilisateurs|camions|infirmières|salons|commerces|indépendants)\b",
    r"on a un (?:client|hôtel|restaurant|artisan|salon|cabinet|[\w-]+) (?:à|de|d') [\w-]+ qui\b",
    r"tous mes (?:participants|clients|coachés|coachées|élèves) (?:le font|y arrivent|ont)\b",
    r"(?:tout le monde nous le dit|(?:tous|toutes) nos (?:clients|clientes) nous (?:le )?disent)\b",
    r"on vient de lever\b",
    r"on est (?:le|la) plus (?:grand|grande|gros|grosse|rapide|ancien|ancienne)\b",
    r"(?:d'avance sur|longueur d'avance)\b",
    r"j'ai (?:doublé|triplé) (?:mon|ma|mes) (?:chiffre|ca|tarif|tarifs|prix|clientèle)\b",
    r"(?:une autre|un autre) de mes (?:coachées?|clients?|clientes?|élèves)\b",
    r"on accompagne (?:aussi|déjà|notamment)\b(?! vos| tes)",
    r"on a (?:déjà )?plus de (?:\w+ ){1,3}(?:qui l'utilisent|clients|clientes|utilisateurs|boutiques|"
    r"artisans|infirmières|restaurants)",
    r"(?:la plus|le plus) (?:intuitive?|simple|complet|complète|rapide|fiable) du marché",
    r"(?:le record|le meilleur|la meilleure|le moins cher|la moins chère) du marché",
    r"(?:passe|passent|passer|sont passés|sont passées|viennent|finit par passer) chez nous\b",
    r"(?:mes|nos) clients me disent tous\b",
    r"(?:a fait|ont fait|a gagné|ont gagné|a économisé|ont économisé) [^.]{0,40} avec nous\b",
    r"(?:j'ai|j'avais) (?:une cliente?|un client) (?:qui|,)",
    r"(?:une de mes clientes|un de mes clients) (?:a|qui)",
    # un superlatif sur sa société (« on est le numéro un », « la meilleure du marché ») ou un
    # nombre de clients (« on a formé plus de dix mille managers »)
    r"(?:on est|nous sommes) (?:aujourd'hui |déjà )?(?:le |la |les )?(?:numéro un|leader|leaders|"
    r"premiers|meilleurs|moins chers)\b",
    r"(?:on a|nous avons|j'ai) (?:déjà )?(?:formé|accompagné|aidé|coaché|équipé|conseillé|servi|"
    r"travaillé avec) (?:plus de |près de |pas loin de |environ )?(?:\d+|des centaines|des milliers|"
    r"des dizaines|cent|mille|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt|cinquante)",
    r"(?:on|nous) (?:travaille|travaillons|accompagne|accompagnons|équipe|équipons|forme|formons) "
    r"(?:déjà )?(?:avec )?(?:plus de|près de|pas loin de)\b",
    r"(?:le|la|les) (?:meilleur|meilleure|meilleurs|meilleures|moins chère?s?|leader|numéro un|n°1) "
    r"(?:[\w-]+ ){0,2}du (?:marché|secteur)",
    r"(?:élu|élue|élus|élues|classé|classée|classés|classées|noté|notée) (?:comme )?(?:le |la |les )?"
    r"(?:meilleur|meilleure|meilleurs|meilleures|numéro un|n°1|premier|première)",
    r"(?:le meilleur|la meilleure) (?:[\w-]+ ){1,2}que (?:vous|tu) (?:ferez|feras|puissiez|puisses|"
    r"ayez|aies)",
    # « je vous explique qui on est », « deux mots sur nous » : la personne se présente
    r"(?:je vous explique|je t'explique|je vous présente|je te présente|je vais vous présenter|"
    r"laissez-moi vous présenter) (?:un peu |rapidement |vite |en deux mots |brièvement )?"
    r"(?:qui (?:on est|nous sommes|je suis)|ce qu'on fait|ce que nous faisons)",
    r"(?:un mot|deux mots|quelques mots) sur (?:nous|moi|notre (?:société|entreprise|boîte|cabinet))",
    # des clients pris aux autres (« beaucoup de clients de X sont passés chez nous »)
    r"(?:clients|entreprises|sociétés|agences|cabinets) (?:[\w'-]+ ){0,3}(?:sont passés|sont passées|"
    r"passent|sont venus|sont venues|viennent) chez nous",
]

OWN_OFFER = [
    r"(?:notre|nos|mon|ma|mes) (?:produit|produits|offre|offres|solution|solutions|plateforme|"
    r"service|services|programme|formule|formules|outil|logiciel|abonnement|tarif|tarifs|prix)",
    r"(?:nous|on) (?:proposons|vendons|offrons|fournissons)",
    r"(?:notre|mon|ma) (?:[\w-]+ ){0,1}(?:produit|plateforme|programme|formule|outil|logiciel|appli|"
    r"application|abonnement|solution|offre)\b",
    # une concession, une démo, un prix vanté : l'offre de la personne
    r"(?:je|on|nous) (?:peux|peut|pouvons|pourrais|pourrait|vais|va) (?:vous |te |t')?(?:faire|"
    r"accorder|offrir|consentir) (?:un geste|une remise|une réduction|un prix|une ristourne|un rabais|"
    r"un tarif)",
    r"(?:je (?:vous |te )propose de (?:vous |te )montrer|je (?:peux|pourrais|vais) (?:vous |te )"
    r"(?:montrer|faire une démo)|si je (?:vous |te )montrais)\b",
    r"(?:c'est|un prix|un tarif) (?:très |super |vraiment |hyper )?compétitif",
    r"nos (?:résultats|références|cas clients|témoignages) (?:avec|chez|pour|de)",
    # présenter son produit, sa démo, ce qu'on a « chez nous », ses remises
    r"chez nous,? (?:en plus,? )?(?:vous|tu|on|c'est|il y a|les|tout)",
    r"(?:est|sont) (?:proposée?s?|envoyée?s?|calculée?s?|faite?s?|gérée?s?) automatiquement\b",
    r"je peux (?:te|vous) (?:le |la |les )?faire (?:à|a) \d+",
    r"(?:il (?:en )?reste|plus que) \d+ places?\b",
    r"les places partent vite\b",
    r"la remise (?:tombe|s'arrête|finit|sera passée|est valable|expire)\b",
    r"je (?:voulais|vais|veux|voudrais) (?:vous |te )présenter\b",
    r"je (?:vous |te )(?:cale|bloque|réserve|programme|propose|fais|envoie) (?:une|la|un) (?:démo|"
    r"démonstration|essai|devis|proposition|offre)",
    r"(?:une|la|notre) démo\b",
    r"(?:que je|je) (?:vous |te )montre\b",
    r"je (?:vous |te )fais (?:\d+|un prix|un tarif|une remise|un geste)",
    r"l'offre à \d+",
    r"normalement (?:c'est )?\d+",
    r"(?:notre|le) pack\b",
    r"(?:je peux|je vais) vous faire (?:\w+ )?(?:mois|remise|prix|geste)\b",
    r"(?:le premier mois|la première semaine|l'installation|la mise en place) (?:est )?offert",
    r"avec nous,? (?:tout|vous|c'est|il|les)",
    r"c'est (?:exactement |justement |précisément )?pour ça qu'on a créé\b",
    r"c'est (?:exactement |justement )?pour ça qu'on est là\b",
    r"on a (?:une appli|un outil|une solution|une formule|un logiciel|une plateforme|une offre)\b",
    r"(?:c'est|pour|à) (?:[\w-]+ ){1,4}euros par (?:mois|an|séance|personne|praticien|utilisateur|poste)\b",
    r"notre (?:ia|appli|outil|logiciel|solution)\b",
    r"je (?:vous|te) (?:le |la )?fais (?:à|a) \b",
    r"une offre que je\b",
    r"si (?:tu t'inscris|vous vous inscrivez|vous signez|tu signes)\b",
    r"(?:le |un |ton |votre )?lien (?:d'inscription|de paiement|de réservation)\b",
    r"la formule [\w-]+\b",
    r"sans engagement\b",
    r"je (?:vous |te )(?:envoie|envoies|enverrai|prépare) (?:le|un|notre|mon) (?:contrat|devis|bon de commande)",
    # (chaque fragment commence par un mot ou un chiffre : l'index le range sous cette clé)
    r"(?:\d+|\d+ ?%) (?:de remise|de réduction|offerts?)\b",
    r"(?:remise|réduction|promo|promotion) de \d+",
    r"(?:en ce moment|jusqu'à \w+|ce mois-ci) (?:on a|il y a) (?:une|la) promo",
    r"(?:la|une|notre) promo\b",
    # le produit décrit sans son nom (« la nôtre est notée 4,8 », « nos clientes solo adorent »,
    # « c'est la solution de réservation en ligne pour… », « un essai gratuit d'une semaine »)
    r"(?:la|le|les) nôtres?\b",
    r"nos (?:clientes|utilisateurs|utilisatrices|abonnés|abonnées) (?:[\w-]+ )?(?:adorent|aiment|"
    r"gagnent|récupèrent|économisent)\b",
    r"(?:c'est|est) (?:la|le|une|un) (?:solution|logiciel|appli|application|outil|plateforme) "
    r"(?:de|pour|qui|numéro)\b",
    r"(?:un |une |l'|notre )?(?:essai|semaine|mois|démo) (?:d'essai )?(?:gratuit|gratuite|offert|offerte)\b",
    r"(?:essai|tester|essayer|test) (?:[\w']+ ){0,4}gratuitement\b",
    r"(?:le |un |notre )?lien d'essai\b",
    r"(?:la|notre|une) (?:brochure|plaquette)\b",
    r"c'est (?:exactement|justement|précisément) ce que fait\b",
    r"(?:on est|nous sommes) (?:aussi |même )?moins (?:cher|chers|chères)\b",
    r"(?:à partir de|dès) \d+ (?:euros|€)\b",
]
COMPETITOR = [
    r"(?:concurrent|concurrents|concurrente|concurrence|les autres (?:prestataires|fournisseurs|"
    r"solutions|coachs))",
    r"(?:votre|ton|ta) (?:fournisseur|prestataire|solution|outil|coach) (?:actuel|actuelle|précédent|précédente)",
    # des concurrents désignés par leur genre (« les gros éditeurs », « les plateformes en ligne »)
    r"pas comme chez\b",
    r"(?:mieux|plus [\w-]+) que ce que fait\b",
    r"(?:leur|leurs) (?:[\w-]+,? ){1,2}(?:c'est|est|sont) (?:une passoire|nul|nulle|nuls|pas terrible|"
    r"catastrophique|hors de prix|une catastrophe)",
    r"(?:les|ces|des) (?:gros|grands|grosses|grandes|autres) (?:[\w-]+ ){0,2}(?:assureurs|banques|"
    r"cabinets|prestataires|fournisseurs|généralistes|concurrents)\b",
    r"(?:les|ces|des) (?:gros|grands|grosses|grandes|autres) (?:[\w-]+ ){0,2}(?:plateformes|applis|"
    r"applications|éditeurs|acteurs|agences|cabinets|prestataires|fournisseurs|boîtes|sociétés|marques)\b",
    r"(?:les|ces|des) (?:plateformes|applis|applications|sites|outils|solutions) (?:[\w'-]+ ){0,3}en ligne\b",
    # un concurrent nommé ou désigné (« chez beautyrésa ils prennent une commission », « leur appli
    # plante tout le temps », « moins cher que salonkit », « le salon franchisé d'en face »)
    r"chez (?!nous\b|moi\b|vous\b|toi\b|lui\b|eux\b|elle\b)[\w-]+ (?:ils|elles|c'est|on)\b",
    r"(?:leur|leurs) (?:appli|application|outil|logiciel|site|service client|support|plateforme) "
    r"(?:plante|bugge|rame|est nul|est nulle|c'est)\b",
    r"moins (?:cher|chers|chère|chères) que (?!vous\b|toi\b|prévu\b|ça\b|ce\b|l'an\b|avant\b)\w+",
    r"(?:le|la|un|une) (?:salon|magasin|cabinet|agence|boutique|enseigne) (?:[\w-]+ )?(?:franchisée?|d'en face)\b",
]

ASSUMPTION = [
    r"je (?:suppose|présume|pense|imagine|parie) (?:que|qu')",
    r"j'imagine (?:que|qu'|bien que)",
    r"(?:vous devez|tu dois) (?:sûrement|certainement|forcément|bien|sans doute|probablement)",
    r"(?:vous|tu) (?:avez|as|êtes|es|devez|dois) (?:sûrement|certainement|forcément|sans doute|"
    r"probablement)",
    r"(?:sûrement|certainement|sans doute|forcément) (?:que|qu') (?:vous|tu)",
    r"je suis (?:sûr|sûre|certain|certaine) (?:que|qu') (?:vous|tu|votre|ton|ta)",
    r"comme tout le monde",
    r"(?:comme|les gens comme) (?:tous nos|toutes nos|tous mes) clients",
    r"(?:vous allez|tu vas) (?:adorer|aimer)",
    # une inférence sur l'autre, pas une obligation (« vous devez perdre des heures », « tu dois
    # avoir peur que… »), et un tiers supposé (« ils ont sûrement plus de budget »)
    r"(?:vous devez|tu dois) (?:avoir peur|avoir du mal|perdre|passer (?:un temps|des heures|vos|tes)|"
    r"galérer|en avoir marre|vous sentir|te sentir|trouver ça)",
    r"(?:ils|elles|il|elle|ça|vos clients|tes clients) (?:ont|a|est|sont|va|vont|doivent|doit) "
    r"(?:sûrement|certainement|forcément|sans doute|probablement)",
    r"je me doute (?:que|qu'|bien)",
    r"(?:vous devez|tu dois) être (?!en train|là|sûr|prêt|prête)[\w']+",
    r"(?:laissez|laisse)-moi deviner",
    r"ce que (?:vous voulez|tu veux) (?:surtout|vraiment|avant tout),? c'est",
    r"(?:^|, )j'imagine$",
]

SMALL_TALK = [
    r"(?:la|quelle|sale|belle) météo",
    r"il fait (?:beau|chaud|froid|gris|moche|un temps)",
    r"(?:quel|beau|sale) temps",
    r"(?:il pleut|la pluie|le soleil|la neige|la canicule)",
    r"(?:votre|ton|le|ce|bon|beau|dernier) (?:week-end|week end|weekend|we)",
    r"(?:vos|tes|les|des|bonnes|ces|en) vacances",
    r"il a fait (?:beau|chaud|froid|gris|moche|un temps)",
    r"(?:cette|quelle) (?:chaleur|pluie|canicule)",
    r"ce froid",
    r"(?:du|ce|de ce) soleil",
    r"(?:au|le) stade",
    r"(?:c'est|c'était) (?:magnifique|superbe|beau|joli|sympa) chez (?:vous|toi)",
    r"quelle (?:boutique|belle boutique|agence|vue|déco)\b",
    r"(?:le|ce|du|au) match",
    r"(?:super|incroyable|quel|beau|sacré) (?:match|week-end|weekend)",
    r"(?:le foot|le football|le rugby|le tennis|le tour de france|la coupe)",
    r"(?:comment (?:allez-vous|vas-tu|ça va|va)|ça va(?: bien)?)[ ,.!?]*$",
    r"(?:enchanté|enchantée|ravi de vous (?:rencontrer|voir)|ravie de vous (?:rencontrer|voir))",
    r"(?:les bouchons|la circulation|le trafic|le périph|trouver une place)",
    r"(?:j'adore|j'aime bien|joli|jolie|sympa) (?:votre|ton|ta|vos|tes) (?:bureau|chemise|veste|fond|"
    r"chien|maison|vue|pull)",
    # compliments sur les lieux, pour plaire (« vous avez une super agence, la déco est magnifique »)
    r"(?:super|belle|jolie|magnifique|superbe|sympa|chouette) (?:agence|boutique|bureau|salon|déco|"
    r"vue|locaux|vitrine|atelier|cabinet)",
    r"(?:la|votre|ta) déco (?:est|est vraiment|est super)",
    r"(?:vos|tes|les|ces) locaux (?:sont|ont)",
]
# Salutations d'ouverture, en tête du tour même si une question suit (« Bonjour Léa, qu'est-ce
# que tu attends de la séance ? » salue et demande).
GREETING = [
    r"(?:bonjour|bonsoir|salut|coucou|hello|bienvenue|rebonjour|allô|allo)",
    r"oui,? bonjour",
    r"merci (?:d'être venu|d'être venue|de prendre le temps|pour votre temps|de votre temps|d'être là|"
    r"de me recevoir|de m'avoir reçu|de m'avoir reçue|d'avoir pris ce temps|d'avoir pris le temps)",
    r"(?:au revoir|à bientôt|à plus|bonne (?:journée|soirée|fin de journée|semaine))",
]
# Salutations de fin, en fin de tour, suivies de trois mots au plus (« Super, bonne semaine, et
# profite bien ! », « parfait à vendredi », tapé sans accent ; pas « à plus de 20 % »).
FAREWELL = (
    r"(?<![\w'-])(?:au revoir|à bientôt|a bientot|à plus(?! de| d')|a plus(?! de| d')|"
    r"à tout à l'heure|bonne (?:journée|soirée|fin de journée|semaine|fin de semaine|route|"
    r"continuation|chance|fournée|rentrée|signature)|bon (?:week-end|week end|weekend|après-midi|courage)|"
    r"(?:à|a) (?:demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la semaine prochaine|"
    r"la prochaine|très vite|tres vite|tantôt|tantot|dans (?:quinze|huit|deux|trois|une|un) \w+)|"
    r"(?:excellente|belle|très bonne) (?:journée|soirée|semaine|fin de journée)|"
    r"on se dit à \w+(?: \w+)?)(?:,? [\w'-]+){0,3}[.!, ]*$"
)
# Prendre congé au milieu du tour (« bon jte laisse, et oublie pas… »), pas « je vous laisse
# réfléchir » : une expression à part, qui commence par un mot (recherche rapide).
FAREWELL_LEAVING = r"je (?:te|vous) laisse(?:,| là| filer| tranquille|[.!]|$)"

AFFIRMATION = [
    r"(?:bravo|chapeau|félicitations|bien joué|bien vu|respect|quel (?:travail|parcours|courage))",
    # la réaction à un résultat de l'autre, par SMS (« 10 c top », « ça c'est super », « c'est ton
    # plus gros devis », « t'as toutes les cartes en main », « t'es la meilleure pour ça »)
    r"(?:c'est|c'était) (?:vraiment |trop |hyper |super )?(?:top|super|génial|excellent|énorme)(?:$| !|\.|,| ça)",
    r"c'est (?:ton|votre) plus (?:gros|beau|grand|bel)\b",
    r"(?:tu as|t'as|vous avez) (?:toutes )?(?:les cartes|tout) en main\b",
    r"(?:t'es|tu es|vous êtes) (?:la|le) (?:meilleure?|plus forte?) pour\b",
    r"(?:ton|ta|votre) idée (?:est|était) (?:très |vraiment |super )?(?:bien|bonne|excellente|top)\b",
    r"(?:c'est|c'était) (?:impressionnant|une belle|un beau|un bel|un grand pas|énorme|"
    r"courageux|remarquable|admirable|une vraie réussite|génial)",
    r"(?:vous avez|tu as) (?:beaucoup|bien|énormément|vraiment) (?:travaillé|progressé|avancé|fait)",
    r"(?:vous avez|tu as) (?:déjà )?(?:fait|parcouru|accompli) (?:\w+ ){0,4}(?:travail|chemin|"
    r"progrès|pas|effort|efforts)",
    r"(?:vous êtes|tu es) (?:vraiment |très |tellement )?(?:courageux|courageuse|déterminé|"
    r"déterminée|motivé|motivée|persévérant|persévérante|engagé|engagée|solide)",
    r"(?:ça|cela) (?:demande|a demandé|prend) du courage",
    r"(?:votre|ton|ta) (?:courage|détermination|persévérance|engagement|force|travail) (?:est|a|m')",
    r"(?:vous pouvez|tu peux) être (?:fier|fière)",
    r"belle progression",
    # l'éloge de ce que l'autre a fait (« fier de toi », « tu as tenu bon »)
    r"(?:^|je suis |suis |tellement |trop |très |si )(?:fier|fière|fiers|fières) de (?:toi|vous)\b",
    r"(?:tu as|vous avez|t'as|qui as|qui avez) (?:bien |vraiment )?tenu (?:bon|le coup|tête|ferme|ta position|votre position|"
    r"ton prix|votre prix)",
    r"(?:tu as|vous avez|t'as) (?:super |vraiment |très )?bien (?:géré|mené|joué|réagi)",
    # l'éloge en un mot, par SMS (« t'as géré », « vous avez assuré », « t'as tout déchiré »)
    r"(?:tu as|vous avez|t'as) (?:trop |grave |carrément |tout )?(?:géré|assuré|cartonné|déchiré|"
    r"gere|assure|cartonne|dechire)\b",
    r"c'est un (?:vrai|sacré|beau|gros|grand) (?:cap|pas|tournant|exploit|progrès)",
    r"(?:c'est|c'était) (?:quand même |vraiment |super |trop |tellement )?(?:top|super|fort|chouette|"
    r"génial|impressionnant|remarquable) ce que",
    r"(?:tu as|vous avez) (?:construit|créé|bâti) (?:quelque chose|un \w+) (?:de )?(?:vraiment |très )?"
    r"(?:spécial|unique|beau|solide|impressionnant|remarquable)",
    # l'expertise et l'autonomie de l'autre reconnues (« tu connais ton travail mieux que moi »)
    r"(?:tu connais|vous connaissez) (?:[\w']+ ){1,3}mieux que (?:moi|personne|quiconque)",
    r"c'est (?:toi|vous) qui (?:décides|décidez|choisis|choisissez|vois|voyez|connais|connaissez|sais|"
    r"savez)\b",
    r"(?:c'est|c'était) (?:vraiment |super |trop |hyper )?(?:malin|nickel|bien vu|une super idée|"
    r"une excellente idée|très juste|parfait ça)\b",
    r"(?:ta|votre) (?:phrase|idée|réponse|approche|solution|formulation) est (?:vraiment |super |"
    r"hyper )?(?:nickel|parfaite|top|excellente|très bien|super|juste|claire)",
    r"(?:tu as|vous avez|t'as) (?:eu )?(?:une )?(?:super|très bonne|excellente) (?:idée|réaction)",
    r"c'est (?:une )?(?:sacrée|belle|super|très belle|excellente) (?:phrase|idée|formule|réponse)",
    r"(?:tu bosses|vous travaillez|tu travailles) (?:bien|super bien|très bien)",
    r"(?:t'es|tu es|vous êtes) (?:carré|carrée|solide|pro|au top)\b",
    r"c'est (?:ta|votre) (?:décision|choix)",
    r"c'est ton call",
    r"(?:tu décides|vous décidez|à toi de voir|à vous de voir)\b",
    r"(?:tu le|vous le|tu la|vous la|tu les|vous les) (?:connais|connaissez) mieux que (?:moi|personne)",
    r"(?:t'as|tu as|vous avez) bien mérité\b",
    r"(?:j'adore|trop fort|trop bien)(?=[ .!,]|$)",
]
GRATITUDE = [
    r"(?:merci|je vous remercie|je te remercie|reconnaissant|reconnaissante|gratitude)",
]
OWNERSHIP_RETURNED = [
    # any past participle: "c'est toi qui as décroché ce oui", "c'est vous qui avez signé"
    r"c'est (?:toi|vous) qui (?:as|avez|l'as|l'avez|les as|les avez) (?:tout )?"
    r"(?!dit\b|demandé\b|voulu\b|proposé\b)\w+(?:é|i|is|it|u|ert)e?s?\b",
    r"(?:tu as|vous avez) fait (?:le boulot|le travail|tout le travail|tout le boulot)",
    r"(?:tu l'as|vous l'avez) fait",
    r"c'est (?:ton|votre|ta) (?:travail|mérite|succès|réussite|victoire|boulot|décision|choix)",
    r"(?:tout )?le mérite (?:te|vous) revient",
    r"(?:c'est|tout ça c'est) grâce à (?:toi|vous)",
    r"(?:ça|cela) vient de (?:toi|vous)",
    r"(?:tu|vous) (?:l'as|l'avez) (?:mérité|gagné)",
    r"(?:ta|votre|ton) (?:posture|assurance|confiance|juste prix|prix|travail|courage|"
    r"résultat|résultats|engagement)\b[^.?!]*,\s*(?:ta|votre|ton|tes|vos) \w+",
    r"je n'ai fait que (?:poser|t'écouter|vous écouter|écouter)",
    r"(?:tu avais|vous aviez) (?:déjà )?(?:la réponse|les réponses|la solution)",
    r"(?:tu viens|vous venez) de (?:la |le |les )?(?:trouver|formuler|écrire|décider)",
    r"c'est (?:toi|vous) qui (?:l'as|l'avez|les as|les avez) (?:construite?s?|trouvée?s?|écrite?s?|décidée?s?)",
    r"c'est (?:toi|vous) qui (?:as|avez) appuyé",
    r"c'est (?:toi|vous) qui (?:fais|faites) le (?:boulot|travail)",
    # ce que l'autre a fait seul (« tu l'as trouvé tout seul »), pas « tu as dû tout gérer seule »
    r"(?:tu as|tu l'as|t'as|tu les as|vous avez|vous l'avez|vous les avez) (?!dû\b|été\b)"
    r"(?:[\w'-]+ ){1,4}(?:toi-même|par toi-même|tout seul|toute seule|vous-même|par vous-même|"
    r"tout seuls|toutes seules)\b",
    # l'idée rendue à l'autre (« ça, c'est une vraie idée à toi », « c'est ton idée ça »)
    r"(?:une |une vraie |ta |votre )idée (?:à toi|à vous|de toi|de vous)\b",
    r"c'est (?:ton|votre) idée\b",
    r"c'est (?:toi|vous) qui (?:étais|étiez|es|êtes) (?:dans|devant|face|au)\b",
    r"(?:victoire|réussite|succès|mérite|résultat|résultats) (?:est|était|sont) (?:bien |tout |toute |"
    r"entièrement )?(?:la tienne|le tien|les tiens|la vôtre|le vôtre|les vôtres|à toi|à vous)\b",
]
CREDIT_TAKEN = [
    r"grâce à (?:moi|ma méthode|mon programme|mon approche|mes conseils|mon coaching|notre méthode)",
    r"sans moi",
    r"(?:ma|notre) méthode (?:t'a|vous a|a) (?:permis|fait|aidé|amené|marché)",
    r"(?:mon|notre) (?:programme|approche|coaching|accompagnement) (?:t'a|vous a|a) (?:permis|"
    r"fait|aidé|amené)",
    r"je (?:t'ai|vous ai) (?:permis|fait réussir|amené|aidé à réussir|sauvé)",
    r"c'est moi qui (?:t'ai|vous ai)",
    r"je (?:te|vous) l'avais (?:bien )?dit",
    r"je savais que (?:ça|ma méthode) (?:marcherait|allait marcher)",
    # le succès de l'autre revendiqué (« sans notre séance tu aurais… », « un peu ma victoire aussi »)
    r"sans (?:moi|mon|ma|mes|notre|nos) (?:[\w'-]+,? ){0,4}(?:tu aurais|vous auriez|t'aurais|tu n'aurais|"
    r"vous n'auriez|tu serais|vous seriez)",
    r"(?:ma|notre) (?:victoire|réussite) aussi\b",
    r"(?:mon|notre) (?:succès|mérite) aussi\b",
    r"je (?:t'avais|vous avais) (?:bien )?dit que (?:ma|mon|notre|ça|c'|la)",
    # « tu me remercieras », « c'est ma méthode », « grâce à notre petit entraînement », « je t'ai
    # appris à demander », « la méthode marche »
    r"vous me remercierez",
    r"tu me remercieras",
    r"c'est (?:ma|notre) (?:méthode|approche|technique|formule)\b",
    r"grâce à (?:notre|nos|mon|ma|mes) (?:[\w-]+ )?(?:entraînement|séance|séances|travail|accompagnement|"
    r"conseils|programme|coaching)",
    r"je (?:t'ai|vous ai) appris\b",
    r"(?:la|ma|notre) méthode (?:marche|fonctionne)\b",
    r"(?:le|c'est le) travail qu'on (?:fait|a fait) ensemble\b",
    r"(?:c'est|ce sont) (?:mes conseils|ma méthode|mon programme|mon coaching|mes séances) qui\b",
    r"la méthode que je (?:t'ai|vous ai) (?:donnée|montrée|apprise)\b",
    r"après (?:[\w-]+ )?séances? avec moi\b",
    # « c'est grâce à l'exercice que je t'ai donné », « ce que je t'avais dit en juin », « avec ma
    # méthode, on finit toujours par y arriver »
    r"grâce (?:à|a) (?:l'|la |le |les |ce |cet |cette )(?:[\w-]+ ){1,2}(?:que je|que j'|qu'on)",
    r"ce que je (?:t'avais|vous avais) (?:bien )?dit\b",
    r"je (?:te|vous) l'avais (?:bien )?dit\b",
    r"avec (?:ma|notre) méthode,? (?:on|tu|vous|ça)\b",
    r"(?:ma|notre) méthode (?:[\w-]+ ){0,4}(?:marche|fonctionne) (?:à tous les coups|toujours|à chaque fois)\b",
]

OTHER_PRONOUNS = frozenset("vous votre vos tu te t' toi ton ta tes vous-même toi-même".split())
SELF_PRONOUNS = frozenset("je j' me m' moi mon ma mes nous notre nos moi-même".split())

FEEDBACK = {
    "credit_kept": (
        "On vous a remercié ici et le mérite est resté chez vous ({value} des remerciements "
        "rendus). Rendez-le : nommez ce que la personne a fait elle-même."
    ),
    "input_high": (
        "Votre propre contenu (informations, conseils, persuasion) représente {value} de vos "
        "questions, reformulations et apports. Avant de conseiller, demandez ce que l'autre "
        "sait ou veut déjà, puis reformulez."
    ),
    "talk_high": (
        "Vous avez prononcé {value} des mots (meilleurs vendeurs : ~43 %). Voici votre plus "
        "long passage : raccourcissez-le et rendez la parole avec une question."
    ),
    "monologue": (
        "Ce monologue de {value} mots a laissé l'autre dans le rôle d'auditeur. Arrêtez-vous "
        "après deux ou trois phrases et demandez ce qui résonne."
    ),
    "few_reflections": (
        "Ratio reformulations/questions {value} (MITI : 1:1 correct, 2:1 bon). Ici l'autre "
        "venait de s'ouvrir : reformulez ce que vous avez entendu avant la question suivante."
    ),
    "closed_questions": (
        "Seulement {value} de vos questions étaient ouvertes. Transformez celle-ci en question "
        "« qu'est-ce que » ou « comment » pour laisser l'autre explorer."
    ),
    "no_needs_question": (
        "Vous n'avez jamais demandé ce dont l'autre a besoin. Ouvrez par : « Qu'attendez-vous "
        "de cet échange ? »"
    ),
    "late_needs_question": (
        "Votre première question sur les besoins est venue tard ({value} de l'échange). "
        "Posez-la dès le début."
    ),
    "assumption": (
        "Vous avez supposé au lieu de demander ({value} fois). Remplacez la supposition par une "
        "question : « Comment est-ce que vous le vivez ? »"
    ),
    "self_promotion": (
        "Vous avez parlé de vous ou de votre offre ({value} fois). Gardez l'autre au centre."
    ),
    "self_disclosure": (
        "Vous avez parlé de vous ({value} fois) : ramenez l'échange vers l'autre avec une "
        "question sur sa situation."
    ),
    "competitor": (
        "Vous avez parlé d'un concurrent ({value} mentions) : revenez aux besoins de l'autre."
    ),
    "credit_taken": (
        "Vous vous êtes attribué son résultat. Rendez-lui le mérite : « C'est toi qui as fait "
        "le boulot : ta posture, tes choix, tes résultats. »"
    ),
    "tag_question": (
        "Une fausse question (« non ? », « hein ? ») demande l'adhésion, pas une information. "
        "Posez une vraie question ou affirmez simplement."
    ),
    "small_talk": (
        "{value} de l'échange est passé en bavardage avant le premier sujet de fond. Allez plus "
        "vite vers ses besoins."
    ),
    "good_reflection": "Bravo : cette reformulation a rendu ses mots à l'autre et l'a fait continuer.",
    "good_needs_question": "Bravo : vous avez demandé tôt ce que l'autre attend de l'échange.",
    "good_ownership": "Bravo : vous avez rendu le mérite au lieu de le prendre.",
    "good_open_question": "Bravo : une question ouverte qui a laissé l'autre explorer.",
    "good_listening": "Bravo : vous l'avez laissé raconter longuement ({value} mots).",
}
