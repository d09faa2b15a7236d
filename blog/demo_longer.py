"""The fuller text of the main demo articles, so they read like a center's real blog (and
their reading times vary): each entry adds sections to an article's body in blog/demo.py,
before the heading named (or at the end). General information written for families, not
medical advice; every article already points readers to a clinician."""

# slug: (the heading the sections go before, or "" for the end; the sections)
MORE = {
    "what-happens-in-medical-detox": (
        "After detox",
        """
<h2>What withdrawal can feel like</h2>
<p>Withdrawal is different for every substance and every person, which is why the team plans your care around you rather than around a schedule on a wall. From opioids, people often describe something like a bad flu: aching, yawning, a runny nose, stomach cramps, goosebumps and a restlessness that makes it hard to sit still. From alcohol, the early signs are more often shakiness, sweating, a racing heart, anxiety and trouble sleeping.</p>
<p>Some withdrawal is dangerous without medical care. Stopping alcohol or sedatives such as benzodiazepines suddenly after heavy, daily use can lead to seizures or delirium, and that is the main reason we never suggest doing it alone at home. In a medical unit, staff watch for the early signs and treat them before they become emergencies.</p>
<h2>How your comfort is looked after</h2>
<p>Detox is not meant to be endured. Beyond the medicines that treat withdrawal itself, the team can help with nausea, headaches, diarrhea, aches and sleeplessness. Nurses check on you through the day and night, and you can ask for them at any time. If something feels wrong, saying so is never a nuisance: it is exactly the information the team needs.</p>
<p>Small things matter too. Clean clothes, a warm shower, plain food when you can face it and plenty of fluids make a real difference. So does being able to rest without having to explain yourself to anyone.</p>
<h2>Phones, visitors and the people at home</h2>
<p>Most detox units limit phone use and visits for the first days. That is not a punishment. Withdrawal makes emotions intense, and a hard phone call at the wrong moment can push someone to leave before they are safe. With your permission, staff can tell a family member that you have arrived and how you are doing; without it, federal privacy rules for addiction treatment mean they cannot even confirm that you are there.</p>
<p>If you care for children, a parent or a pet, tell the admissions team before you arrive. They have helped many people plan for that, and it is one less thing to worry about from a hospital bed.</p>
<h2>What to bring, and what to leave at home</h2>
<p>Pack for a few days of rest: comfortable clothes and layers, nightwear, slip-on shoes, basic toiletries without alcohol in them, a list of your medicines and the names of your doctors, your photo ID and insurance card. A book, a notebook or photos of people you love can help in the quiet hours. Leave valuables, large amounts of cash, and anything containing alcohol at home. If you are unsure about something, the admissions team will tell you before you arrive rather than at the door.</p>
<p>Bring the medicines you take in their original containers, including inhalers, insulin and anything for blood pressure or mood. The physician will decide what to continue, and nurses will give them to you, so that nothing is missed and nothing interacts badly with withdrawal treatment.</p>
<h2>If you are afraid of being judged</h2>
<p>Many people arrive expecting to be lectured. The people who work in detox chose this work, have cared for hundreds of people in the same situation and know that arriving is the hardest part. You will be asked direct questions about what you use, because the answers keep you safe, and nobody needs you to have your life in order before you walk in.</p>
<h2>How long it lasts</h2>
<p>The medical part of detox usually takes somewhere between three and seven days, and sometimes longer, depending on what you were using and your health. The team will not rush you out while you are still unwell, and it will not keep you longer than you need. Before you leave, you will have a plan for the next step and, if you take medication for opioid use disorder, for how it continues without a gap.</p>
""",
    ),
    "residential-or-partial-hospitalization": (
        "It is not a one-time decision",
        """
<h2>What a day looks like in each</h2>
<p>In residential treatment the day begins and ends on campus. Mornings usually start with a check-in and a group, followed by individual therapy, education about addiction and mental health, and time for exercise, meals and rest. Evenings bring support meetings, quieter activities and, on some days, family sessions. Nurses and counselors are there around the clock, so a hard night is met by a person rather than faced alone.</p>
<p>A partial hospitalization day looks similar from morning to mid-afternoon: groups, individual therapy, medication management and skills practice, often five days a week. The difference comes at the end of the day. You go home, and the evening becomes part of the treatment: a chance to use what you learned that morning, and to bring back to the group what was hard.</p>
<h2>Questions that help families decide</h2>
<ul>
<li><strong>Where will they sleep, and who else lives there?</strong> A home with alcohol in the cupboard, or a housemate who still uses, is a different place to recover from a quiet home with supportive people.</li>
<li><strong>How did the last attempt end?</strong> If someone has relapsed within days of going home before, more structure at the start is usually worth it.</li>
<li><strong>What else is going on?</strong> Depression, anxiety, trauma or a medical condition can make round-the-clock care the safer choice.</li>
<li><strong>What can they realistically step away from?</strong> Jobs, children and caregiving matter, and a program that fits a person's life is one they are more likely to finish.</li>
</ul>
<h2>What insurance usually looks at</h2>
<p>Insurers decide what they cover using the same kinds of questions a clinician asks: how severe the substance use is, what risks there are during withdrawal, what other health needs are present and how stable home is. Most use a standard framework to match people to a level of care. That is why an assessment matters: it documents why a level of care is needed, which helps with approval. Our admissions team checks benefits before anyone arrives and explains, in plain language, what is covered and what is not.</p>
<h2>Visiting and staying in touch</h2>
<p>In residential care, families usually visit at set times, often at weekends, and join family sessions with the therapist. Phone calls may be limited in the first days while the person settles. In a partial hospitalization program, family life carries on each evening, which brings its own questions: how to talk about the day, what to do about alcohol in the house, how to respond to a bad mood without treating the person as fragile. Both kinds of program should make room for those questions.</p>
<h2>Moving between levels of care</h2>
<p>Many people start in residential care and then step down to partial hospitalization, then to an intensive outpatient program of a few evenings a week, and later to <a href="/treatment/outpatient/">ongoing outpatient support</a>. Each step keeps the same goal, a stable life without the substance, while handing back a little more independence. Stepping up is just as normal: if someone in a day program is struggling, more support for a while is not a setback.</p>
""",
    ),
    "chronic-pain-and-opioid-addiction": (
        "Questions to ask a treatment program",
        """
<h2>Tapering is not the same as treatment</h2>
<p>Some people are told simply to come off their opioids. For a person who is physically dependent but does not have opioid use disorder, a slow, planned taper with their own doctor may be the right path. For a person whose use has become compulsive, cutting the dose without other support often leads to cravings, illicit use and real danger, especially now that so much of the street supply contains fentanyl.</p>
<p>Telling the two apart takes an honest conversation with a clinician who understands both pain and addiction. It is not a judgment of character. It decides which treatment will actually help.</p>
<h2>Pain care that keeps going after treatment</h2>
<p>A treatment stay is short compared with a life lived with a pain condition. Before discharge, a good plan names who will manage your pain at home, which non-opioid treatments you will continue, and what to do on a bad pain day so that it does not become a crisis. Physical therapists, pain psychologists and primary care doctors all have a part, and they work best when they know about each other.</p>
<p>Many people are surprised by how much steady sleep, gentle daily movement and treatment of depression or anxiety change how pain feels. None of these make pain disappear, but together they often make it more manageable than it has been in years.</p>
<h2>Medication for opioid use disorder and pain</h2>
<p>Buprenorphine and methadone, the two most used medicines for opioid use disorder, are opioids themselves, and both have effects on pain. For some people with chronic pain, one of them treats the addiction and helps the pain at the same time, with a steadier effect and far lower risk than the pills they were taking before. Others do well on naltrexone, which blocks opioids and does not relieve pain. Which fits depends on your health, your pain and your history, and it is a decision to make with a physician who knows both fields, not one to make from an article.</p>
<p>Taking one of these medicines is treatment, not “trading one drug for another.” People who take them as prescribed are far less likely to die of an overdose, and many work, raise children and live full lives on them for years.</p>
<h2>For families</h2>
<p>Watching someone you love in pain, and then watching them struggle with the medicine, is exhausting. It can help to remember that both are real. Asking “how is your pain today?” alongside “how are you doing with your recovery?” tells the person you see all of them. If you keep naloxone at home, tell them where it is. Our article on <a href="/blog/naloxone-at-home/">naloxone at home</a> explains why and how.</p>
""",
    ),
    "alcohol-moderation-what-it-can-and-cannot-do": (
        "Signs it is time for something more",
        """
<h2>What a “drink” actually is</h2>
<p>Any plan to cut back depends on counting honestly, and that starts with knowing what counts as one drink. In the United States a standard drink holds about 14 grams of pure alcohol: roughly a 12-ounce can of regular beer, a 5-ounce glass of wine or a 1.5-ounce shot of spirits. Craft beers, generous home pours and mixed drinks often contain two or more. Many people who believe they have “a couple of glasses” are drinking twice what they think.</p>
<h2>What gets in the way</h2>
<p>Moderation plans usually fail at the same moments: at the end of a hard day, at a party, when someone else is buying, or in the first quiet hour of the evening when drinking used to fill the time. It helps to name your own risky moments in advance and decide what you will do instead. A walk, a phone call, a meal, an alcohol-free drink you actually enjoy or simply leaving early are all answers. The less you have to decide in the moment, the better the plan holds.</p>
<p>Notice, too, how you feel the day after drinking within your limit. If you find yourself counting the hours until the next allowed drink, or bargaining with your own rules, that tells you something about how much control alcohol has.</p>
<h2>Talking to your doctor</h2>
<p>A primary care doctor can be a useful ally, and you do not need to have decided anything before you talk to them. They can check how alcohol is affecting your liver, blood pressure, sleep and mood, tell you whether it is safe to cut down on your own, and talk through medicines that reduce cravings for some people. Being honest about how much you drink is what makes that advice useful.</p>
""",
    ),
    "trauma-and-addiction": (
        "If this sounds like you",
        """
<h2>Why stopping can bring feelings up</h2>
<p>When alcohol or drugs have been keeping painful memories at a distance, stopping can let them come closer. Nightmares, flashbacks, irritability or a sudden flood of grief in the first weeks are common, and they are not signs that treatment is failing. They are a reason to have trauma-informed care in place from the start, so that those feelings are met with skills and support rather than with a return to using.</p>
<p>Early work is usually about stability: sleep, grounding skills that bring you back to the present, ways to calm a racing body, and a clear plan for what to do when something triggers you. Deeper work on the memories themselves comes later, at a pace you agree to with your therapist.</p>
<h2>Trauma looks different for everyone</h2>
<p>Trauma is not only a single terrible event. For many people it is years of growing up with violence, neglect or a parent's addiction; for others, military service, an assault, a serious accident or the sudden loss of someone close. Some people do not think of what happened to them as trauma at all until they notice how much it still shapes their days. You do not need to measure your experience against anyone else's to deserve care for it.</p>
<h2>For families</h2>
<p>If someone you love has been through trauma, their reactions can be confusing: anger that seems out of proportion, pulling away, or refusing to talk about the past. Patience and predictability help more than questions. Our <a href="/treatment/family-program/">family program</a> helps relatives understand what their loved one is going through and look after themselves along the way.</p>
""",
    ),
    "how-the-brain-heals-after-opioids": (
        "Helping the brain heal",
        """
<h2>Cravings: what they are and how they pass</h2>
<p>A craving can feel like an order that must be obeyed. In fact it behaves more like a wave: it builds, peaks and passes, usually within minutes if you do not feed it. Certain people, places, smells, times of day or even feelings such as boredom or relief can set one off, because the brain learned to link them with using.</p>
<p>Knowing your own triggers, and having a plan for them, takes away much of their power. Some people call someone, change rooms, go outside or simply name the craving out loud and wait. Each craving that passes without use teaches the brain a new lesson, and over time they come less often and with less force.</p>
<h2>Lower tolerance, higher risk</h2>
<p>After weeks or months without opioids, the body loses its tolerance. A dose someone once used regularly can now stop their breathing. This is why the period after detox, after treatment or after release from jail is the most dangerous time for overdose. If you or someone you love is in early recovery from opioids, keep naloxone close, and if a return to use happens, never use alone.</p>
""",
    ),
    "naloxone-at-home": (
        "Where to get it",
        """
<h2>After the overdose</h2>
<p>Someone who has been revived with naloxone can wake up confused, frightened and in sudden withdrawal: sick to the stomach, shaking, agitated. Talk to them calmly, tell them what happened and that help is on the way. They may want to leave or to use again to stop the withdrawal, which is dangerous because the naloxone can wear off while the opioid is still in their body. Stay with them until emergency services arrive.</p>
<p>An overdose is a frightening moment for a family, and it is also often a turning point. When things are calmer, it can open a conversation about treatment that did not seem possible before. Our admissions team talks with families in exactly this situation every week.</p>
""",
    ),
    "setting-goals-in-early-recovery": (
        "When you miss a goal",
        """
<h2>Write goals where you will see them</h2>
<p>Goals kept only in your head are easy to renegotiate. Write each one down with the day you will start and how you will know you did it, and put the list somewhere you look every day: the fridge, your phone's lock screen, the first page of a notebook. Share it with one person who will ask you about it kindly.</p>
<p>Once a week, look back. Which goals happened? Which did not, and what got in the way? Crossing things off is worth more than it sounds; in early recovery, proof that you can keep a promise to yourself rebuilds confidence that substances took away.</p>
""",
    ),
}


def fuller_body(slug: str, body: str) -> str:
    """The demo article's body with its further sections, if it has any."""
    if slug not in MORE:
        return body
    before, sections = MORE[slug]
    anchor = f"<h2>{before}</h2>"
    if before and anchor in body:
        return body.replace(anchor, f"{sections.strip()}\n{anchor}", 1)
    return f"{body}\n{sections.strip()}"
