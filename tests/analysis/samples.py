"""Conversations written for these tests (no corpus text)."""

SERVING_FR = """\
[00:00:00] Coach: Bonjour Léa. Qu'attendez-vous de notre échange aujourd'hui ?
[00:00:06] Léa: J'aimerais savoir comment négocier mon augmentation, j'ai peur de demander trop
et de passer pour quelqu'un d'avide auprès de ma directrice.
[00:00:20] Coach: Si je comprends bien, vous avez peur que votre demande abîme la relation.
[00:00:26] Léa: Oui, exactement. Elle m'a beaucoup soutenue depuis deux ans et je ne veux pas la
décevoir, mais je sais que je suis sous-payée par rapport au marché.
[00:00:40] Coach: Qu'est-ce qui vous fait dire que vous êtes sous-payée ?
[00:00:44] Léa: J'ai comparé avec trois annonces et avec deux amies qui font le même travail.
[00:00:52] Coach: Donc vous avez des éléments solides, et la loyauté compte beaucoup pour vous.
[00:00:58] Léa: Oui. Je crois que je pourrais lui présenter les chiffres calmement.
[00:01:05] Coach: Comment voyez-vous ce moment ?
[00:01:08] Léa: Je me vois posée, avec mes chiffres, et je demande un rendez-vous lundi.
[00:01:16] Coach: Vous avez déjà fait une bonne partie du chemin.
[00:01:20] Léa: Merci beaucoup, sans vous je n'y serais pas arrivée !
[00:01:24] Coach: C'est toi qui as fait le boulot : ta posture, ta confiance, ton juste prix, tes résultats.
"""

PLEASING_FR = """\
Vendeur: Bonjour ! Vous avez passé un bon week-end ? Quel temps magnifique.
Client: Oui, merci.
Vendeur: Moi j'étais au match samedi, c'était incroyable. Bon, je suppose que vous avez déjà un
fournisseur, vous devez sûrement en avoir marre de leurs retards.
Client: Un peu.
Vendeur: Notre solution est la meilleure du marché, nous sommes leader depuis dix ans, j'ai
accompagné plus de deux cents entreprises comme la vôtre et mes clients adorent notre plateforme.
Vous devriez vraiment essayer notre offre premium, elle réduit les coûts de 30 %. Notre concurrent
principal est beaucoup plus cher et franchement moins fiable.
Client: D'accord.
Vendeur: Vous allez adorer, c'est évident, non ?
Client: On verra.
Vendeur: Grâce à moi, vos équipes vont enfin être efficaces, ma méthode a fait ses preuves.
"""

SERVING_EN = """\
Coach: Hi Sam. What do you need from this call today?
Sam: I want to prepare for a tough conversation with my manager about workload, I keep saying
yes to everything and I'm exhausted, but I'm scared she will think I can't cope.
Coach: So you're worn out, and part of you worries that saying no will cost you her trust.
Sam: Exactly. She relies on me and I like that, but I can't keep working every weekend.
Coach: What would a good outcome look like for you?
Sam: Two projects moved to someone else and no more weekend work.
Coach: It sounds like you already know what you want.
Sam: I guess I do. I could show her the list of projects and ask her to choose priorities.
Coach: How do you want to open that conversation?
Sam: With the list, calmly, and by saying I want to keep doing good work.
Coach: That took courage to name.
Sam: Thank you so much, your coaching really got me here.
Coach: You did the work: your stance, your confidence, your fair price, your results.
"""

PLEASING_EN = """\
Rep: Hey! How was your weekend? Did you watch the game last night?
Buyer: Sure, it was fine.
Rep: I was there, amazing match. Anyway, I guess you already have a provider, you probably hate
their support like everyone.
Buyer: Somewhat.
Rep: Our platform is the best on the market, we are the leader in this space, I've worked with
hundreds of companies like yours and our customers love it. You should really switch to our
premium plan, it cuts costs by 30 percent. Our main competitor is way more expensive and less
reliable, honestly.
Buyer: Okay.
Rep: You'll love it, it's a no-brainer, right?
Buyer: We'll see.
Rep: Thanks to me your team will finally be efficient, my method got every client there.
"""
