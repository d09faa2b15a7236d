"""The demo center's pages, written for Willow Ridge Recovery (a fictional center in
Brevard, North Carolina). seed_demo loads them through programs.demo."""

# Each program: slug, name, kind, typical length, days, summary, body, day, suits, featured,
# conditions (slugs), audiences (slugs), FAQs [(question, answer)].
LEVELS_OF_CARE = [
    {
        "slug": "detox",
        "name": "Medical Detox",
        "typical_length": "5 to 7 days",
        "featured": True,
        "summary": "Withdrawal managed around the clock by nurses and a physician, in a quiet room of your own, so the first days are safe and as comfortable as we can make them.",
        "body": """<p>Stopping alcohol, opioids or sedatives after months or years of use is hard on the body, and for some substances it is dangerous without medical care. Detox at Willow Ridge is the safe first step: our nurses check on you day and night, a physician sees you every day, and medication eases the symptoms that drive so many people back to using.</p>
<p>Detox is not treatment on its own. It clears the way for it. While your body settles, you meet your therapist, join a short daily group when you feel up to it, and we plan with you what comes next, usually residential care on the same campus, so there is no gap and no second intake.</p>
<h2>What we monitor</h2>
<ul><li>Vital signs and withdrawal scores several times a day, with a nurse on the unit at all hours</li><li>Sleep, hydration and nutrition, with meals brought to your room in the first days if you need them</li><li>Mood and safety, with a counselor available around the clock</li></ul>
<p>If your assessment shows you need a hospital instead, we will tell you so on the phone and help arrange it.</p>""",
        "day": """<p><strong>Morning:</strong> a nurse checks your vitals and symptoms, and you take any medication the physician ordered. Breakfast is whenever you are ready.</p>
<p><strong>Midday:</strong> the physician or nurse practitioner visits. If you feel able, you join a 30-minute orientation group about what recovery at Willow Ridge looks like.</p>
<p><strong>Afternoon:</strong> rest, a shower, a short walk on the porch, a call to family once your counselor has set it up.</p>
<p><strong>Evening:</strong> another check, medication if needed, and quiet. Staff are awake all night.</p>""",
        "suits": """<p>Anyone who drinks daily, takes opioids, benzodiazepines or sleeping pills regularly, or has had a hard or frightening withdrawal before. If you are not sure whether you need detox, call: a nurse will ask a few questions and tell you honestly.</p>""",
        "conditions": ["alcohol", "opioids", "heroin", "benzodiazepines"],
        "audiences": [],
        "faqs": [
            (
                "Is detox painful?",
                "Withdrawal is uncomfortable, but it should not be unbearable. Our physician prescribes medication for the symptoms you have, and nurses adjust it through the day and night as those symptoms change.",
            ),
            (
                "Can I stop drinking or taking pills on my own at home?",
                "Please talk to a medical professional first. Withdrawal from alcohol, benzodiazepines and some sleeping pills can cause seizures and can be life-threatening. Call us and a nurse will help you decide what is safe.",
            ),
            (
                "Can my family visit during detox?",
                "Most people are ready for a visit after the first three or four days. Your counselor will arrange phone calls before then so your family knows how you are doing.",
            ),
        ],
    },
    {
        "slug": "residential",
        "name": "Residential Treatment",
        "typical_length": "28 to 45 days",
        "featured": True,
        "summary": "Live on our mountain campus with a small group of peers while you work on what drove the addiction: individual therapy, groups, family sessions and time outdoors, every day.",
        "body": """<p>Residential treatment gives you distance from the people, places and pressures that kept the addiction going, and a full day built around getting better. You live in a shared cottage on our twenty-acre campus outside Brevard, with no more than eight residents in a house and staff on site at all hours.</p>
<p>Each person has a treatment plan written with them in the first week and reviewed every week after. Most plans include individual therapy twice a week, daily groups, sessions with your family, and time with our psychiatrist when depression, anxiety or trauma are part of the picture, as they are for most of the people we treat.</p>
<h2>Therapies we use</h2>
<ul><li>Cognitive behavioral therapy (CBT) and dialectical behavior therapy (DBT) skills</li><li>Trauma-informed care, including EMDR with trained therapists</li><li>Medication for addiction treatment when it helps, including buprenorphine and naltrexone</li><li>Twelve-step and SMART Recovery meetings, so you can find the support that suits you</li><li>Hiking, yoga and time by the creek: recovery is physical too</li></ul>
<p>Before you leave, we plan your next step together, whether that is partial hospitalization, intensive outpatient care near home, or alumni support.</p>""",
        "day": """<p><strong>7:00</strong> Wake up, breakfast in the dining hall.</p>
<p><strong>8:30</strong> Morning meeting: set an intention for the day with your house.</p>
<p><strong>9:00</strong> Process group with a licensed therapist.</p>
<p><strong>11:00</strong> Individual therapy, or a skills group on cravings, sleep or relationships.</p>
<p><strong>12:30</strong> Lunch and free time.</p>
<p><strong>1:30</strong> Experiential therapy: a guided hike, art therapy or yoga.</p>
<p><strong>3:30</strong> Family session, psychiatry appointment or education group.</p>
<p><strong>6:00</strong> Dinner, then a recovery meeting on campus.</p>
<p><strong>9:00</strong> Quiet time. Lights out at 10:30.</p>""",
        "suits": """<p>People who have tried to cut back or stop and could not, whose use has hurt their health, work or family, or whose home makes recovery hard right now. It also suits people coming out of detox who need steady support before they go home.</p>""",
        "conditions": [
            "alcohol",
            "opioids",
            "heroin",
            "benzodiazepines",
            "cocaine",
            "methamphetamine",
            "other-drugs",
        ],
        "audiences": ["men", "women", "professionals", "lgbtqia", "college-students"],
        "faqs": [
            (
                "What should I pack?",
                "Comfortable clothes for a week (there are washing machines), sturdy shoes for walking, toiletries without alcohol, any medication in its original bottles, and your insurance card and ID. We send a full list once your admission is confirmed.",
            ),
            (
                "Can I keep my phone?",
                "Phones stay in a locked cabinet for the first week so you can settle in. After that, you can use it during free time each evening. Your family can always reach you through staff in an emergency.",
            ),
            (
                "How much does residential treatment cost, and do you take insurance?",
                "We are in network with most major insurers, and admissions checks your benefits for free before you decide anything. If you have no insurance, we explain our self-pay rates plainly on the phone.",
            ),
            (
                "Will my employer find out?",
                "Not from us. Federal law (42 CFR Part 2) protects the privacy of addiction treatment records more strictly than most medical records. We share nothing without your written consent, and we can help you with medical leave paperwork if you choose to use it.",
            ),
        ],
    },
    {
        "slug": "partial-hospitalization",
        "name": "Partial Hospitalization",
        "typical_length": "2 to 4 weeks",
        "featured": True,
        "summary": "Full days of treatment, five days a week, while you sleep at home or in our supportive housing: the step between residential care and everyday life.",
        "body": """<p>Partial hospitalization (often called PHP) offers nearly as much treatment as residential care, about six hours a day, five days a week, while you start living more independently. Many people step down to PHP after residential treatment; others start here when they have a safe, sober place to stay.</p>
<p>You keep your therapist and psychiatrist from residential care, so your plan carries on where it left off. Evenings and weekends become practice: cooking, sleeping well, handling a stressful phone call, going to a meeting on your own. The next morning we talk about how it went.</p>
<p>For people who live too far away to drive in each day, we have sober-living apartments in Brevard with a house manager and a shuttle to campus.</p>""",
        "day": """<p><strong>8:45</strong> Arrive and check in with your group.</p>
<p><strong>9:00</strong> Process group.</p>
<p><strong>10:30</strong> Skills group: relapse prevention, emotional regulation or communication.</p>
<p><strong>12:00</strong> Lunch on campus.</p>
<p><strong>1:00</strong> Individual therapy or psychiatry, then an experiential group.</p>
<p><strong>3:00</strong> Plan your evening and weekend, then head home.</p>""",
        "suits": """<p>People who have finished detox or residential care and are medically stable, with a safe place to sleep, who still need treatment most of the day.</p>""",
        "conditions": [
            "alcohol",
            "opioids",
            "cocaine",
            "methamphetamine",
            "other-drugs",
        ],
        "audiences": ["professionals", "college-students"],
        "faqs": [
            (
                "Do I have to live in your sober housing?",
                "No. If you live within a reasonable drive and your home is safe and free of alcohol and drugs, you can sleep at home. Our sober-living apartments are there for people who need them.",
            ),
            (
                "How is PHP different from intensive outpatient?",
                "PHP is about six hours a day, five days a week. Intensive outpatient is about three hours a day, three to five days a week, so people can go back to work or school.",
            ),
        ],
    },
    {
        "slug": "intensive-outpatient",
        "name": "Intensive Outpatient",
        "typical_length": "6 to 10 weeks",
        "featured": True,
        "summary": "Three hours of group and individual therapy, three to five days a week, in the morning or the evening, so you can keep working, studying or caring for your family.",
        "body": """<p>Intensive outpatient treatment (IOP) fits around a life that has to keep going. You come to our Brevard office or join a secure video group from home for about three hours, three to five days a week, with morning and evening tracks to choose from.</p>
<p>Groups are small, no more than twelve people, and each person also meets an individual therapist every week. We test for alcohol and drugs at random, not to catch anyone out but because it helps people stay honest with themselves and with their families.</p>
<p>As you grow steadier, we reduce the number of days, and most people move on to weekly outpatient therapy and our alumni program.</p>""",
        "day": """<p><strong>Evening track, 5:30 to 8:30:</strong> a check-in round, a skills group on a single theme (sleep, cravings, conflict, boredom), a short break, then a process group where people bring what happened that week. Individual sessions are scheduled around work.</p>""",
        "suits": """<p>People with a stable, sober home, who can keep themselves safe between sessions, either stepping down from a higher level of care or starting treatment while they keep their job or classes.</p>""",
        "conditions": [
            "alcohol",
            "opioids",
            "cocaine",
            "benzodiazepines",
            "other-drugs",
        ],
        "audiences": ["professionals", "college-students", "women", "men"],
        "faqs": [
            (
                "Can I attend IOP online?",
                "Yes, for residents of North Carolina, South Carolina and Tennessee. Online groups run on a secure video platform, with the same therapists and the same schedule as the groups on campus.",
            ),
            (
                "What if I slip during IOP?",
                "Tell us. A slip is information, not a failure. We look at what happened, adjust your plan, and if you need more support for a while, we can arrange a short stay at a higher level of care.",
            ),
        ],
    },
    {
        "slug": "outpatient",
        "name": "Outpatient Therapy",
        "typical_length": "3 months or longer",
        "featured": False,
        "summary": "Weekly individual and group therapy, and medication management when you need it, to keep recovery steady as life fills back up.",
        "body": """<p>Outpatient therapy is the longest part of most people's treatment, and often the most important. Once or twice a week, you meet your therapist, join a group, or see our psychiatric nurse practitioner to review medication.</p>
<p>It is also where many people start, when their use worries them but they are still able to stop for days at a time and have a good support system at home. Our clinicians assess you first and will tell you honestly if you need more.</p>
<p>Sessions take place at our Brevard office or by secure video.</p>""",
        "day": """<p>A typical week: one 50-minute individual session, one 90-minute group in the evening, and a monthly medication review if you take medication for addiction, anxiety or depression.</p>""",
        "suits": """<p>People stepping down from intensive outpatient care, and people with milder problems who have a stable home and work life.</p>""",
        "conditions": ["alcohol", "opioids", "other-drugs"],
        "audiences": [],
        "faqs": [
            (
                "Do you prescribe buprenorphine (Suboxone) in outpatient care?",
                "Yes. Our prescribers offer buprenorphine and extended-release naltrexone, with regular visits and counseling alongside.",
            ),
        ],
    },
    {
        "slug": "family-program",
        "name": "Family Program",
        "typical_length": "Weekend workshop, then weekly groups",
        "featured": True,
        "summary": "Addiction affects the whole family. Our family program helps parents, partners and grown children understand it, heal, and support recovery without losing themselves.",
        "body": """<p>Families often arrive exhausted: months or years of worry, broken promises and difficult choices. Our family program is for you, whether or not your loved one is a patient with us right now.</p>
<p>It begins with a weekend workshop on campus, held twice a month. Our family therapists explain what addiction does to the brain and to relationships, and you meet other families who understand. After that, a weekly online group keeps you connected, and family sessions bring you together with your loved one and their therapist.</p>
<h2>What families learn</h2>
<ul><li>How to talk about drinking or drug use without arguments that go nowhere</li><li>The difference between support and rescuing, and how to set limits you can keep</li><li>What to do in an emergency, including how to use naloxone for an opioid overdose</li><li>How to look after your own health, sleep and other relationships</li></ul>""",
        "day": """<p><strong>Workshop Saturday:</strong> morning education sessions, lunch with other families, afternoon small groups led by a family therapist. <strong>Sunday:</strong> a shared session with your loved one if they are in treatment with us, then planning for the weeks ahead.</p>""",
        "suits": """<p>Parents, spouses and partners, adult children and close friends of someone with a substance use problem, including families whose loved one is not ready for treatment yet.</p>""",
        "conditions": [],
        "audiences": [],
        "faqs": [
            (
                "Does my loved one have to be in treatment at Willow Ridge?",
                "No. Families of people who are not in treatment, or who are treated elsewhere, are welcome in the workshops and weekly groups.",
            ),
            (
                "Is there a cost for the family program?",
                "Family participation is included for the families of our patients. For other families, the weekend workshop has a modest fee, and no one is turned away for inability to pay.",
            ),
        ],
    },
    {
        "slug": "aftercare",
        "name": "Aftercare and Alumni",
        "typical_length": "A year and beyond",
        "featured": False,
        "summary": "Recovery continues after treatment ends: a written plan for going home, weekly alumni groups, a peer mentor and a phone line that is always answered.",
        "body": """<p>The months after treatment are when support matters most. Before you leave any of our programs, you and your therapist write a plan for going home: who you will call, which meetings you will go to, which appointments are already booked, and what to do if cravings come back.</p>
<p>After that, you become part of the Willow Ridge alumni community. It includes weekly online alumni groups, a peer mentor who has been where you are, monthly gatherings in Asheville and Greenville, and an annual reunion on campus each autumn.</p>
<p>For the first year, a recovery coach calls you at set times, at first weekly and then monthly, to see how things are going and to help you get back into care quickly if you need to.</p>""",
        "day": """<p>A typical week in early recovery: an outpatient therapy session, two community meetings, the Thursday alumni group online, and a call with your recovery coach.</p>""",
        "suits": """<p>Everyone who completes a program with us. There is no cost to take part in alumni groups and events.</p>""",
        "conditions": [],
        "audiences": [],
        "faqs": [
            (
                "What happens if I relapse after treatment?",
                "Call us. Relapse is common, and it does not erase the progress you made. We can help you decide whether you need outpatient support, intensive outpatient care or a short return to residential treatment.",
            ),
        ],
    },
]

LENGTHS = [
    {
        "slug": "30-day-program",
        "name": "30-Day Program",
        "typical_length": "30 days",
        "days": 30,
        "summary": "A month of residential treatment, including detox when needed: time to stabilize, understand your addiction and build a plan for home.",
        "body": """<p>Thirty days is the stay many families ask about first. It is enough time for detox, for the worst of early withdrawal and sleep problems to settle, and for real work in therapy: understanding what drives your use and practising new ways of coping.</p>
<p>A 30-day stay usually combines a few days of medical detox with three to four weeks of residential treatment. In the last week, we arrange what comes next, often intensive outpatient care near home, so the structure does not stop abruptly when you leave.</p>
<p>Thirty days suits people with a shorter history of use, strong support at home, or work and family commitments that make a longer stay hard. If your clinicians believe you need longer, they will explain why and talk it through with you and, if you wish, your family.</p>""",
        "faqs": [
            (
                "Is 30 days long enough?",
                "For some people, yes, especially when a 30-day stay is followed by outpatient care. Research consistently finds that longer total time in treatment, across all levels of care, goes with better outcomes, which is why we plan your next step before you leave.",
            ),
        ],
    },
    {
        "slug": "60-day-program",
        "name": "60-Day Program",
        "typical_length": "60 days",
        "days": 60,
        "summary": "Two months to go deeper: residential care followed by partial hospitalization, with time to address trauma, mental health and family relationships.",
        "body": """<p>A 60-day program gives you time to move beyond stabilizing and into the work that keeps recovery going: trauma therapy, treating depression or anxiety properly, repairing relationships and practising recovery in real life.</p>
<p>Most 60-day plans include four to six weeks of residential care, then two to four weeks of partial hospitalization, living in our sober apartments in Brevard. Your therapist stays the same throughout.</p>
<p>It suits people who have been through treatment before, who have used for many years, or whose mental health needs careful attention alongside their addiction.</p>""",
        "faqs": [
            (
                "Will my insurance cover 60 days?",
                "Insurers approve treatment in stages according to medical need, not a fixed number of days. Our utilization team handles those reviews for you and tells you promptly what has been approved.",
            ),
        ],
    },
    {
        "slug": "90-day-program",
        "name": "90-Day Program",
        "typical_length": "90 days",
        "days": 90,
        "summary": "Three months of steadily stepping down, from residential care to partial hospitalization and intensive outpatient, for lasting change after a long or severe addiction.",
        "body": """<p>Ninety days is the length of treatment most strongly linked with long-term recovery. It allows a gradual return to independence: residential care first, then partial hospitalization, then intensive outpatient treatment while you live in sober housing and begin to work or study again.</p>
<p>Each step is decided with you, when you are ready, not on a fixed calendar. Families take part throughout, through the family program and regular sessions together.</p>
<p>We recommend 90 days for people with long or severe addictions, opioid or methamphetamine use, several past attempts at treatment, or a home environment that will take time to make safe.</p>""",
        "faqs": [
            (
                "Do I have to stay on campus for all 90 days?",
                "No. Most people spend the first four to six weeks in residential care and the rest in partial hospitalization and intensive outpatient treatment, living in our sober apartments or at home.",
            ),
        ],
    },
]

CONDITIONS = [
    {
        "slug": "alcohol",
        "name": "Alcohol",
        "featured": True,
        "summary": "Alcohol is legal and everywhere, which can make it hard to see when drinking has become a problem. We help people stop safely and build a life they don't need to escape from.",
        "body": """<p>Alcohol use disorder is the most common addiction we treat. It develops gradually: a drink to unwind becomes several, tolerance grows, and stopping brings shakiness, anxiety and sleepless nights that only another drink seems to fix.</p>
<p>Many of the people we see are highly capable: they hold demanding jobs and raise families, and hide how much they drink. Others have lost a great deal. Both deserve care without judgement.</p>""",
        "signs": """<ul><li>Drinking more, or for longer, than you meant to</li><li>Trying to cut down and not managing it</li><li>Needing more to feel the same effect</li><li>Shaking, sweating or feeling anxious the morning after, relieved by a drink</li><li>Hiding how much you drink, or drinking alone</li><li>Problems at work, with the law or at home because of drinking</li></ul>""",
        "risks": """<p>Withdrawal from heavy, daily drinking can be dangerous. Some people have seizures or delirium tremens, a medical emergency. <strong>Do not stop suddenly without talking to a doctor or nurse.</strong> Over time, heavy drinking damages the liver, heart, brain and stomach, and it raises the risk of depression, accidents and several cancers.</p>""",
        "how_we_treat": """<p>Medical detox with medication to prevent dangerous withdrawal, then residential or outpatient therapy that addresses why you drink. We offer medication that reduces cravings, such as naltrexone and acamprosate, and help you find the support groups that suit you.</p>""",
        "faqs": [
            (
                "How do I know if I need detox for alcohol?",
                "If you drink every day, drink in the morning, or have had shakes, sweats or hallucinations when you stopped before, you likely need medical detox. A nurse can advise you on the phone.",
            ),
        ],
    },
    {
        "slug": "opioids",
        "name": "Opioids",
        "featured": True,
        "summary": "Whether it began with a prescription for pain or with pills from a friend, opioid addiction is a medical condition with effective treatment, including medication.",
        "body": """<p>Prescription painkillers such as oxycodone, hydrocodone and morphine relieve pain by acting on the brain's opioid receptors, and with regular use the brain comes to depend on them. Many people we treat first took opioids exactly as prescribed after an injury or surgery.</p>
<p>Today, pills bought outside a pharmacy often contain fentanyl, which is far stronger and has made any non-prescribed opioid use life-threatening.</p>""",
        "signs": """<ul><li>Taking more than prescribed, or running out early</li><li>Seeing several doctors for prescriptions</li><li>Drowsiness, small pupils, slowed breathing</li><li>Flu-like withdrawal (aching, sweating, diarrhea) between doses</li><li>Losing interest in people and activities that used to matter</li></ul>""",
        "risks": """<p>The greatest danger is overdose, especially after a period without using, when tolerance has dropped. Keep naloxone (Narcan) at home if anyone in your family uses opioids; it is available at pharmacies without a prescription. Withdrawal is rarely life-threatening but is very uncomfortable, and it is the main reason people go back to using.</p>""",
        "how_we_treat": """<p>Medically supervised withdrawal with buprenorphine or other comfort medication, then therapy in residential or outpatient care. We offer long-term medication (buprenorphine or extended-release naltrexone) to everyone for whom it is appropriate: it sharply reduces the risk of relapse and overdose death.</p>""",
        "faqs": [
            (
                "Isn't taking buprenorphine just swapping one drug for another?",
                "No. Taken as prescribed, buprenorphine does not produce a high in people who are dependent on opioids. It stops withdrawal and cravings so people can work, parent and take part in therapy. It is one of the most effective treatments medicine has for opioid addiction.",
            ),
        ],
    },
    {
        "slug": "heroin",
        "name": "Heroin",
        "featured": False,
        "summary": "Heroin addiction is treatable. Medical detox, medication and therapy give people a real way out, and protect them from overdose while they recover.",
        "body": """<p>Many people who use heroin started with prescription painkillers and turned to heroin when pills became too expensive or hard to find. Today, nearly all street heroin in our region contains fentanyl, so every use carries a serious risk of overdose.</p>
<p>We meet people where they are. Some come to us after an overdose; others after years of trying to stop alone. The first conversation is the same: what is happening now, and what would help.</p>""",
        "signs": """<ul><li>Needle marks, long sleeves in warm weather, burnt foil or spoons</li><li>Nodding off, pinned pupils, slurred speech</li><li>Money or valuables going missing</li><li>Withdrawal symptoms several times a day</li></ul>""",
        "risks": """<p>Overdose, infections including hepatitis C and HIV from shared needles, and heart and skin infections. If someone is unresponsive and breathing slowly or not at all, call 911 and give naloxone if you have it.</p>""",
        "how_we_treat": """<p>Detox with buprenorphine, residential treatment, and long-term medication for opioid use disorder alongside therapy. We test and treat for hepatitis C and help people keep up their medication after discharge with a prescriber near home.</p>""",
        "faqs": [],
    },
    {
        "slug": "benzodiazepines",
        "name": "Benzodiazepines",
        "featured": True,
        "summary": "Xanax, Klonopin, Valium and Ativan calm anxiety fast, and the body adapts to them quickly. Coming off them needs a slow, medically guided taper.",
        "body": """<p>Benzodiazepines are prescribed for anxiety, panic and sleep, and many people become dependent while taking them exactly as directed. Others take them with alcohol or opioids, a particularly dangerous combination.</p>
<p>We treat benzodiazepine dependence with patience. The anxiety that led to the prescription is still there, and it needs care of its own as the medication is reduced.</p>""",
        "signs": """<ul><li>Needing a higher dose for the same calm</li><li>Anxiety, irritability or insomnia between doses</li><li>Memory gaps and drowsiness during the day</li><li>Buying pills outside a pharmacy</li></ul>""",
        "risks": """<p><strong>Never stop benzodiazepines suddenly.</strong> Abrupt withdrawal can cause seizures. Combined with alcohol or opioids, they greatly increase the risk of fatal overdose. Pills bought outside a pharmacy may contain fentanyl or other substances.</p>""",
        "how_we_treat": """<p>A gradual, medically supervised taper, often started in detox and continued in residential or outpatient care, with therapy and non-addictive treatments for anxiety and sleep.</p>""",
        "faqs": [
            (
                "How long does a benzodiazepine taper take?",
                "It depends on the medication, the dose and how long you have taken it, anywhere from a few weeks to several months. The physician sets the pace with you and slows it down when you need.",
            ),
        ],
    },
    {
        "slug": "cocaine",
        "name": "Cocaine",
        "featured": False,
        "summary": "Cocaine addiction often hides behind a busy, successful life. Treatment focuses on cravings, mood and the routines that keep use going.",
        "body": """<p>Cocaine, including crack cocaine, produces a short, intense high followed by a crash that drives people to use again. There is no approved medication for cocaine addiction, but therapy works, especially approaches that reward progress and teach people to manage cravings and triggers.</p>
<p>Cocaine is often used with alcohol, and much of today's supply contains fentanyl. We assess and treat every substance a person uses, not just one.</p>""",
        "signs": """<ul><li>Bursts of energy and talkativeness, then exhaustion and low mood</li><li>Frequent nosebleeds or a runny nose</li><li>Unexplained spending and secrecy</li><li>Using to get through work or to keep drinking</li></ul>""",
        "risks": """<p>Heart attack and stroke, even in young people; seizures; paranoia. The risk of overdose is much higher when cocaine contains fentanyl, so keep naloxone nearby.</p>""",
        "how_we_treat": """<p>Residential or intensive outpatient treatment with cognitive behavioral therapy, contingency management, exercise and sleep routines, and treatment for depression, which is common after stopping.</p>""",
        "faqs": [],
    },
    {
        "slug": "methamphetamine",
        "name": "Methamphetamine",
        "featured": False,
        "summary": "Methamphetamine takes a heavy toll on body and mind, but the brain heals with time. We offer the long, steady support recovery from meth needs.",
        "body": """<p>Methamphetamine is a powerful stimulant, and our region has seen its use rise sharply. Recovery is absolutely possible, but the first months can feel flat and exhausting as the brain's reward system recovers. We plan for that, so people are supported through the hardest stretch.</p>""",
        "signs": """<ul><li>Staying awake for days, then sleeping for long periods</li><li>Weight loss, dental problems, skin sores</li><li>Paranoia, agitation or seeing and hearing things</li></ul>""",
        "risks": """<p>Heart problems, stroke, psychosis and severe depression. Meth may also be mixed with fentanyl. If someone is in danger or thinking of harming themselves, call 911 or 988.</p>""",
        "how_we_treat": """<p>A longer stay is usually best: residential treatment, then partial hospitalization and intensive outpatient care, with psychiatric care, exercise, nutrition and contingency management.</p>""",
        "faqs": [],
    },
    {
        "slug": "other-drugs",
        "name": "Other Drugs",
        "featured": False,
        "summary": "Prescription stimulants, sleeping pills, cannabis, kratom and more: if a substance is causing problems in your life, we can help.",
        "body": """<p>Not every addiction fits a familiar label. We treat dependence on prescription stimulants such as Adderall, sleeping medications, cannabis, kratom, and combinations of substances. The principles are the same: a careful assessment, safe withdrawal when needed, and therapy for what lies underneath.</p>
<p>If you are unsure whether your use is a problem, call us. A short, confidential conversation can help you decide what to do next, even if the answer is not treatment with us.</p>""",
        "signs": """<ul><li>Using more or more often than you intend</li><li>Feeling unable to cope, sleep or concentrate without it</li><li>Continuing despite problems with health, work or relationships</li></ul>""",
        "risks": """<p>Risks vary with the substance. Withdrawal from some sleeping medications can be dangerous, and many street drugs are contaminated with fentanyl. A medical assessment is the safest first step.</p>""",
        "how_we_treat": """<p>An individual plan built from the same levels of care: detox when needed, residential or outpatient therapy, psychiatric care and family involvement.</p>""",
        "faqs": [],
    },
]

AUDIENCES = [
    {
        "slug": "men",
        "name": "Men",
        "featured": True,
        "summary": "Many men were taught to handle problems alone. Our men's groups offer a place to be honest without being judged, alongside men who understand.",
        "body": """<p>Men are more likely than women to develop a drinking or drug problem and less likely to ask for help. By the time they call us, many have been carrying stress, grief or trauma for years with no one to talk to.</p>
<p>Within our residential and outpatient programs, men meet in gender-specific groups led by male therapists. Topics include anger and stress, fatherhood, work and identity, and the relationships that suffered during addiction. Physical activity is part of every day: hiking, the gym and work projects on the campus trails.</p>""",
        "faqs": [
            (
                "Are men and women housed separately?",
                "Yes. Residential cottages are separate for men and women. Some groups and activities are shared, and others are gender-specific.",
            ),
        ],
    },
    {
        "slug": "women",
        "name": "Women",
        "featured": True,
        "summary": "Women often come to treatment carrying more than their addiction: trauma, caregiving, shame. Our women's track is built around safety and respect.",
        "body": """<p>Women's addiction tends to progress faster and is often tied to trauma, anxiety, depression or relationships. Many women also delay treatment because they care for children or aging parents.</p>
<p>Our women's track includes separate housing, women-only process groups, trauma therapy with female therapists, and help with practical concerns such as childcare planning and parenting in recovery. Pregnant women are referred to partner hospitals for detox and welcomed back into our outpatient programs.</p>""",
        "faqs": [
            (
                "Can my children visit?",
                "Yes. Children can visit during family hours on weekends, and our family therapists can help you talk to them about treatment in a way that fits their age.",
            ),
        ],
    },
    {
        "slug": "professionals",
        "name": "Professionals",
        "featured": True,
        "summary": "Doctors, nurses, lawyers, pilots and executives: confidential treatment that understands licensing boards, return-to-work plans and the pressure you work under.",
        "body": """<p>Professionals often wait longest to seek help, fearing for their license, their reputation or their career. Yet treatment that starts early usually protects all three.</p>
<p>Our professionals group meets within residential and intensive outpatient care. It covers the particular stresses of high-responsibility work, perfectionism, and how to return to work safely. We coordinate with professional health programs and licensing boards when you ask us to, and we can arrange limited, scheduled laptop time for essential work during residential stays.</p>""",
        "faqs": [
            (
                "Will you report me to my licensing board?",
                "No. We do not contact boards, employers or anyone else without your written consent. If you are already working with a professional health program, we can coordinate with it at your request.",
            ),
        ],
    },
    {
        "slug": "lgbtqia",
        "name": "LGBTQIA+",
        "featured": False,
        "summary": "Affirming care for lesbian, gay, bisexual, transgender, queer, intersex and asexual people, with staff trained to understand the stress you carry.",
        "body": """<p>LGBTQIA+ people experience higher rates of substance use, often because of rejection, discrimination and the stress of hiding who they are. Recovery is harder anywhere you have to brace yourself.</p>
<p>At Willow Ridge, every staff member completes training in LGBTQIA+ affirming care. We use the names and pronouns you tell us, house transgender and nonbinary clients according to their identity and comfort, and run a weekly LGBTQIA+ process group. Partners and chosen family are welcome in the family program.</p>""",
        "faqs": [],
    },
    {
        "slug": "college-students",
        "name": "College Students",
        "featured": False,
        "summary": "For students whose drinking or drug use has outgrown the college years: treatment that keeps an eye on your studies and a plan to return to campus.",
        "body": """<p>College is where many young adults first drink heavily or try drugs, and for some, use becomes something they cannot control. Falling grades, missed classes or a frightening night are often the first signs.</p>
<p>Our young adult group, for ages 18 to 25, runs within residential and intensive outpatient care. We help students talk to their school about medical leave, work with campus recovery programs on a return plan, and involve parents in a way that respects the student's privacy and growing independence.</p>""",
        "faqs": [],
    },
]

LOCATIONS = [
    {
        "slug": "asheville-nc",
        "name": "Asheville, NC",
        "city": "Asheville",
        "state": "NC",
        "drive_time": "About 45 minutes",
        "distance_miles": 35,
        "summary": "Addiction treatment close to Asheville, in the quiet of Transylvania County: near enough for family visits, far enough to step away from daily pressures.",
        "body": """<p>Willow Ridge is about 45 minutes south of downtown Asheville, by I-26 and US-64 through Pisgah Forest. Many of our patients come from Buncombe County, and many families visit every weekend.</p>
<p>For people returning home to Asheville, we hold intensive outpatient groups by secure video in the evening, and our alumni meet monthly in West Asheville. We work with local therapists, prescribers and community recovery groups so support continues close to home.</p>""",
        "faqs": [
            (
                "Do you offer transport from Asheville?",
                "Yes. For admission day, we can arrange a pick-up from home or from Asheville Regional Airport.",
            ),
        ],
    },
    {
        "slug": "greenville-sc",
        "name": "Greenville, SC",
        "city": "Greenville",
        "state": "SC",
        "drive_time": "About 1 hour",
        "distance_miles": 45,
        "summary": "Treatment an hour from Greenville, across the state line in the North Carolina mountains, with aftercare that follows you home to the Upstate.",
        "body": """<p>The drive from Greenville to our campus takes about an hour, north on US-276 through Caesars Head or on US-25 through Hendersonville. Families from the Upstate often find the distance just right: close enough to visit, far enough that their loved one can focus on treatment.</p>
<p>South Carolina residents can join our online intensive outpatient groups after discharge, and our Greenville alumni group meets monthly downtown.</p>""",
        "faqs": [],
    },
    {
        "slug": "charlotte-nc",
        "name": "Charlotte, NC",
        "city": "Charlotte",
        "state": "NC",
        "drive_time": "About 2 hours 30 minutes",
        "distance_miles": 140,
        "summary": "Leave the pace of the city behind for treatment in the Blue Ridge Mountains, two and a half hours from Charlotte, with online aftercare when you return.",
        "body": """<p>For many Charlotte families, the distance itself helps: recovery begins away from the places and people tied to drinking or drug use. The drive west on I-85 and I-26 takes about two and a half hours, and we can arrange transport on admission day.</p>
<p>When it is time to go home, we connect you with outpatient providers and recovery communities in Mecklenburg County, and you can join our online IOP and alumni groups.</p>""",
        "faqs": [],
    },
    {
        "slug": "knoxville-tn",
        "name": "Knoxville, TN",
        "city": "Knoxville",
        "state": "TN",
        "drive_time": "About 2 hours 45 minutes",
        "distance_miles": 150,
        "summary": "Knoxville families come to Willow Ridge for medical detox and residential care across the mountains, with aftercare that continues online in Tennessee.",
        "body": """<p>From Knoxville, the drive is about two hours and forty-five minutes via I-40 through the Pigeon River Gorge and Asheville. We accept several Tennessee insurance plans and check your benefits before you travel.</p>
<p>Tennessee residents can continue in our online intensive outpatient program after discharge, and we help arrange local prescribers for medication such as buprenorphine.</p>""",
        "faqs": [],
    },
]

PAGES = [
    {
        "slug": "about",
        "name": "About Willow Ridge Recovery",
        "sections": [
            (
                "CardsSection",
                {
                    "heading": "How we help",
                    "kind": "programs",
                    "introduction": "Care that steps down with you, from medical detox to life in recovery.",
                    "link_label": "All treatment programs",
                },
            ),
            (
                "TestimonialsSection",
                {"heading": "In their words", "limit": 2, "featured_only": True},
            ),
            ("BlockSection", {"block": "block-insurance-we-accept"}),
            ("CenterDetailsSection", {"heading": "Visit or call"}),
            ("AccreditationsSection", {"heading": "Accreditations and licenses"}),
            ("CallBoxSection", {}),
        ],
        "summary": "A small, licensed treatment center in the mountains near Brevard, North Carolina, where people recover with dignity and families heal together.",
        "body": """<p>Willow Ridge Recovery opened in 2012 in a former summer camp on Laurel Creek, outside Brevard. A physician and a social worker, both in long-term recovery themselves, wanted a place that treated addiction as the medical condition it is, with the warmth of a family home.</p>
<h2>What we believe</h2>
<ul><li><strong>Addiction is treatable.</strong> We use therapies and medications that research shows work, and we measure how our patients are doing a year after they leave.</li><li><strong>Families matter.</strong> Every program includes the people who love you.</li><li><strong>Small is better.</strong> We treat no more than forty people in residential care at a time, so everyone is known by name.</li><li><strong>Honesty first.</strong> If another program would serve you better, we will tell you and help you get there.</li></ul>
<h2>Our team</h2>
<p>Our staff includes a board-certified addiction medicine physician, a psychiatric nurse practitioner, licensed clinical addiction specialists, family therapists, registered nurses and peer recovery coaches. Many of us know recovery personally.</p>
<h2>Licensing and accreditation</h2>
<p>Willow Ridge is licensed by the North Carolina Department of Health and Human Services and accredited by The Joint Commission. We follow the federal privacy rules for addiction treatment records (42 CFR Part 2).</p>""",
        "faqs": [
            (
                "Is Willow Ridge a hospital?",
                "No. We are a licensed residential and outpatient treatment center with medical staff on site around the clock. If someone needs hospital care, we arrange it with partner hospitals nearby.",
            ),
        ],
    },
    {
        "slug": "tour",
        "name": "Tour the Campus",
        "sections": [
            ("GallerySection", {"heading": "Around the campus"}),
            ("CallBoxSection", {"heading": "Book a tour"}),
        ],
        "summary": "Twenty wooded acres on Laurel Creek: cottages, a dining hall, therapy rooms, walking trails and quiet places to sit and think.",
        "body": """<p>Our campus sits at the end of a gravel lane, surrounded by hardwood forest and the sound of the creek. Families often tell us it feels more like a retreat than a medical facility, and that is what we intended.</p>
<h2>The cottages</h2>
<p>Residents live in five cottages of up to eight people, in single or shared bedrooms with their own bathrooms. Each cottage has a living room with a fireplace, a porch with rocking chairs and a kitchen for snacks and tea.</p>
<h2>The lodge</h2>
<p>The main lodge houses the dining hall, where our chef serves three fresh meals a day, the group rooms and the medical unit where detox takes place.</p>
<h2>Outdoors</h2>
<p>Two miles of trails loop through the property, with a labyrinth, a vegetable garden tended by residents and a covered pavilion by the creek for yoga and meetings.</p>
<h2>Visit in person</h2>
<p>Families and referring professionals are welcome to tour the campus by appointment, on weekdays between 10 and 4. Call admissions to arrange a time.</p>""",
        "faqs": [
            (
                "Can I tour before my loved one is admitted?",
                "Yes. Call admissions to book a tour. To protect our residents' privacy, tours avoid group rooms while sessions are in progress.",
            ),
        ],
    },
    {
        "slug": "reviews",
        "name": "Reviews and Stories",
        "sections": [
            ("TestimonialsSection", {"heading": "What people say", "limit": 100})
        ],
        "summary": "Former patients and families describe, in their own words, what treatment at Willow Ridge was like.",
        "body": """<p>Every story below is shared with the written permission of the person who wrote it. We use first names or pseudonyms only, to protect their privacy. Individual experiences vary, and no one can promise a particular outcome.</p>""",
        "faqs": [],
    },
    {
        "slug": "careers",
        "name": "Careers",
        "summary": "Work with a team that cares about its patients and about each other, in one of the most beautiful corners of North Carolina.",
        "body": """<p>We hire nurses, therapists, recovery coaches, residential technicians and support staff who want to do meaningful work in a small, close team.</p>
<h2>Why people stay</h2>
<ul><li>Reasonable caseloads and weekly clinical supervision</li><li>Health, dental and vision insurance, and a retirement plan with an employer match</li><li>Paid time to earn and renew licenses and certifications</li><li>Meals on campus during every shift</li></ul>
<h2>How to apply</h2>
<p>Send your résumé and a short note about why this work matters to you to <a href="mailto:careers@willowridge.example">careers@willowridge.example</a>. We reply to every applicant within two weeks. Willow Ridge is an equal opportunity employer and welcomes people in recovery.</p>""",
        "faqs": [],
    },
    {
        "slug": "media-and-videos",
        "name": "Media and Videos",
        "summary": "Short talks from our clinicians about addiction, treatment and recovery, and resources for journalists.",
        "body": """<p>Our clinicians regularly record short, plain-language talks for families. Recent topics include:</p>
<ul><li>“What happens in the first 72 hours of detox,” with our medical director</li><li>“How to talk to someone you love about their drinking,” with our lead family therapist</li><li>“Medication for opioid addiction: questions families ask”</li><li>“Going home: the first month after residential treatment”</li></ul>
<p>Videos are available on our YouTube channel and are shown in our weekly family workshops.</p>
<h2>For journalists</h2>
<p>Our medical director and clinical staff are available for interviews about addiction and recovery in Western North Carolina. We never identify current or former patients. Email <a href="mailto:media@willowridge.example">media@willowridge.example</a>.</p>""",
        "faqs": [],
    },
    {
        "slug": "privacy-policy",
        "name": "Privacy Policy",
        "summary": "How Willow Ridge Recovery collects, uses and protects information on this website and in admissions inquiries.",
        "body": """<p>This policy explains what information this website collects and how we use it. Your treatment records are protected separately by federal law (HIPAA and 42 CFR Part 2), described in the Notice of Privacy Practices you receive on admission.</p>
<h2>What we collect</h2>
<p>When you send an admissions inquiry, we collect the details you choose to give us, such as your name, phone number, email and a short message. We also record which page of our site you came from, so we know which information helps families.</p>
<h2>How we use it</h2>
<p>Only our admissions team reads inquiries, and only to respond to you. We do not sell or share your information with advertisers. Email notifications to staff never contain health details.</p>
<h2>How long we keep it</h2>
<p>Inquiries that do not lead to admission are deleted after a set retention period. You may ask us to delete your inquiry at any time by calling or emailing admissions.</p>
<h2>Cookies</h2>
<p>This site sets no advertising cookies, and no cookie at all while you read it. Two small things of its own are kept in your browser:</p>
<ul>
<li><strong>first-visit</strong> (browser storage, not a cookie): the first time you open a page of this site, your browser keeps, for 30 days, the page you landed on, the website that sent you there (its name only, such as a search engine) and any campaign tags in the address (utm_source, utm_medium, utm_campaign, utm_term and utm_content). It holds no name, contact details or health information, and it never leaves your browser unless you send us a form: then it is sent with your inquiry, so we know which pages and campaigns help families reach us. Marketing staff see only counts, and only admissions staff see them with an inquiry.</li>
<li><strong>csrftoken</strong>: a cookie set when you start filling in one of our forms, which protects you against forged form submissions.</li>
</ul>
<p>You can clear this site's data in your browser at any time. Without it the site works the same; we simply record the page your inquiry was sent from.</p>
<h2>Contact</h2>
<p>Questions about this policy can be sent to our privacy officer at <a href="mailto:privacy@willowridge.example">privacy@willowridge.example</a>.</p>""",
        "faqs": [],
    },
]

# What the demo privacy policy said about cookies before: before it described the first
# visit, and while the first visit was a cookie. A demo seeded with one gets today's text.
OLD_COOKIE_PARAGRAPH = "<p>This site uses only the cookies it needs to work, such as protection against forged form submissions. It uses no advertising or tracking cookies.</p>"
FIRST_VISIT_COOKIE_SECTION = """<p>This site sets no advertising cookies. It sets two small cookies of its own:</p>
<ul>
<li><strong>first_visit</strong>: the first time you open a page of this site, we set a cookie that remembers, for 30 days, the page you landed on, the website that sent you there (its name only, such as a search engine) and any campaign tags in the address (utm_source, utm_medium, utm_campaign, utm_term and utm_content). It holds no name, contact details or health information. If you send an admissions inquiry within those 30 days, these details are stored with it, so we know which pages and campaigns help families reach us: marketing staff see only counts, and only admissions staff see them with an inquiry.</li>
<li><strong>csrftoken</strong>: on pages with a form, a cookie that protects you against forged form submissions.</li>
</ul>
<p>You can block or delete cookies in your browser. Without the first-visit cookie the site works the same; we simply record the page your inquiry was sent from.</p>"""
SUPERSEDED_COOKIE_SECTIONS = [OLD_COOKIE_PARAGRAPH, FIRST_VISIT_COOKIE_SECTION]

# (attribution, detail, program slug or None, consent recorded, featured, quote)
TESTIMONIALS = [
    (
        "Daniel",
        "Alumnus, residential program",
        "residential",
        True,
        True,
        "I came in sure I would leave after three days. The nurses got me through detox, and my counselor never once made me feel like a lost cause. Two years on, I coach my daughter's soccer team.",
    ),
    (
        "Maria",
        "Mother of a former patient",
        "family-program",
        True,
        True,
        "The family weekend taught me to stop rescuing my son and start supporting him. It was the first time in years I felt we were on the same side.",
    ),
    (
        "J.",
        "Alumna, intensive outpatient",
        "intensive-outpatient",
        True,
        True,
        "The evening groups meant I could keep my job and still get real help. The women in my group are still the first people I call.",
    ),
    (
        "Chris",
        "Alumnus, 90-day program",
        "90-day-program",
        True,
        False,
        "Stepping down slowly, from residential to PHP to IOP, is what made it stick for me. Each time I was scared to move on, and each time I was ready.",
    ),
    (
        "Renee",
        "Alumna, detox and residential",
        "detox",
        True,
        False,
        "I had tried to stop drinking on my own and ended up in the ER. Here, withdrawal was managed so carefully that I could actually start thinking about the future.",
    ),
    # Consent was never recorded for this one: it must never appear on the site.
    (
        "Tom",
        "Alumnus",
        "residential",
        False,
        True,
        "Best decision of my life. (Awaiting written consent to publish.)",
    ),
]


# (name, accepted, line): the insurers' list the forms offer and /insurance/ explains, each
# with the line its card shows. The carriers with pages below get their page's summary.
INSURERS = [
    (
        "Aetna",
        True,
        "Most Aetna commercial and employer plans cover detox, residential and outpatient "
        "care here; we ask Aetna for any prior authorization on your behalf.",
    ),
    (
        "Blue Cross Blue Shield",
        True,
        "In network with Blue Cross Blue Shield plans, including many out-of-state plans "
        "through BlueCard.",
    ),
    (
        "Cigna",
        True,
        "In network with Cigna and Evernorth behavioral health plans for detox, residential "
        "and intensive outpatient care; what you pay depends on your deductible.",
    ),
    (
        "Humana",
        True,
        "Humana employer and individual plans usually cover treatment here. Humana "
        "Medicare Advantage plans differ: we check yours before you decide.",
    ),
    (
        "UnitedHealthcare",
        True,
        "In network with UnitedHealthcare and Optum behavioral health plans; residential "
        "care and detox usually need prior authorization, which we request for you.",
    ),
    (
        "TRICARE",
        True,
        "A TRICARE-authorized provider for service members, retirees and their families "
        "(TRICARE East); most plans cover detox and residential care with a referral.",
    ),
    (
        "Medicaid",
        False,
        "We are not in network with Medicaid. Call us anyway: we help you find a "
        "Medicaid-funded program nearby, or talk through what private pay would cost here.",
    ),
    (
        "Medicare",
        False,
        "Original Medicare does not cover treatment here. Some Medicare Advantage plans "
        "may: send us your card and we check, or call and we help you find a Medicare "
        "provider.",
    ),
]


# The demo's insurer pages: what the plan usually covers here, and the questions families ask.
INSURER_PAGES = {
    "Blue Cross Blue Shield": {
        "summary": "Willow Ridge is in network with Blue Cross Blue Shield plans, including many out-of-state BCBS plans through BlueCard.",
        "coverage": """<p>Most Blue Cross Blue Shield plans cover medically necessary addiction treatment here: medical detox, residential treatment, partial hospitalization and intensive outpatient care. What you pay depends on your plan's deductible, coinsurance and out-of-pocket maximum.</p>
<h2>Before you arrive</h2>
<p>Residential treatment and detox usually need prior authorization. Our admissions team asks for it on your behalf, and we tell you what we learn before you decide anything.</p>
<ul><li>Detox: usually covered, with authorization</li><li>Residential: usually covered, reviewed every few days</li><li>Outpatient programs: usually covered, often with a copay per day</li></ul>""",
        "faqs": [
            (
                "Does my out-of-state Blue Cross plan work here?",
                "Usually yes: through the BlueCard program, most BCBS members are treated as in network with us. We confirm it with your plan before you travel.",
            ),
            (
                "How long does BCBS cover residential treatment?",
                "There is no fixed number of days. Your plan reviews your progress every few days and approves more time while it is medically necessary. We handle those reviews with them.",
            ),
        ],
    },
    "Aetna": {
        "summary": "We accept most Aetna commercial plans for detox, residential and outpatient addiction treatment.",
        "coverage": """<p>Aetna commercial plans generally cover medical detox, residential treatment and outpatient programs when they are medically necessary. Your costs depend on your deductible and coinsurance.</p>
<p>We check your benefits, request authorization and explain what you will owe before admission, so there are no surprises.</p>""",
        "faqs": [
            (
                "Will Aetna cover detox?",
                "Most Aetna plans cover medically supervised detox. We confirm your benefits and ask for authorization for you.",
            ),
            (
                "What if Aetna denies coverage?",
                "We can appeal with your clinical team's records, and we will talk through self-pay and payment options with you plainly.",
            ),
        ],
    },
}

# Reusable blocks: sections marketing places on many pages and edits in one place.
BLOCKS = [
    {
        "slug": "block-insurance-we-accept",
        "name": "Insurance we accept (block)",
        "summary": "The carriers the center takes, with the verify-insurance box: placed on the landing pages and the About page.",
        "body": "",
        "layout": "block",
        "noindex": True,
        "sections": [
            (
                "InsuranceSection",
                {
                    "heading": "Insurance plans we accept",
                    "introduction": "We check your benefits for you, free, before you decide.",
                },
            ),
        ],
    },
]

# Campaign landing pages: a slim header, a tracking number, kept out of search engines.
LANDING_PAGES = [
    {
        "slug": "alcohol-rehab-asheville",
        "name": "Alcohol rehab near Asheville",
        "summary": "Medically supervised alcohol detox and residential treatment forty minutes from Asheville, with same-day admission when beds are open.",
        "body": "",
        "layout": "landing",
        "noindex": True,
        "campaign_phone": "(828) 555-0199",
        "hero_scene": "hills",
        "sections": [
            (
                "HeroSection",
                {
                    "eyebrow": "Alcohol treatment near Asheville, NC",
                    "headline": "Stop drinking safely, with doctors beside you",
                    "introduction": "Alcohol withdrawal can be dangerous. Our physicians and nurses watch over you around the clock, then help you build a life that does not need a drink.",
                    "first_action": "call",
                    "second_action": "admissions",
                },
            ),
            (
                "ListSection",
                {
                    "style": "promises",
                    "items": "Free, confidential assessment\nMost major insurance accepted\nSame-day admission when beds are open",
                },
            ),
            (
                "ListSection",
                {
                    "heading": "How it works",
                    "style": "steps",
                    "items": "Call us: A counselor listens, answers your questions and checks your insurance while you are on the phone.\nCome in: We arrange your arrival, often the same day, forty minutes from downtown Asheville.\nDetox safely: Five to seven days of medical care, with medication to keep withdrawal comfortable.\nKeep going: Residential and outpatient care, and a plan for life at home.",
                },
            ),
            (
                "CardsSection",
                {
                    "heading": "Care for alcohol addiction",
                    "which": "chosen",
                    "chosen": [
                        ("programs", "detox"),
                        ("programs", "residential"),
                        ("conditions", "alcohol"),
                    ],
                },
            ),
            ("BlockSection", {"block": "block-insurance-we-accept"}),
            (
                "TestimonialsSection",
                {"heading": "In their words", "chosen": ["Daniel", "Renee"]},
            ),
            (
                "QuestionSection",
                {
                    "heading": "Questions people ask",
                    "question": "How long does alcohol detox take?",
                    "answer": "<p>Most people need five to seven days. Our physicians adjust the medication and the length to your withdrawal, never to a schedule.</p>",
                },
            ),
            (
                "QuestionSection",
                {
                    "question": "Will my employer find out?",
                    "answer": "<p>No. Federal law (42 CFR Part 2) protects addiction treatment records more strictly than other health records; we share nothing without your written consent.</p>",
                },
            ),
            (
                "QuestionSection",
                {
                    "question": "Can my family visit?",
                    "answer": "<p>Yes: on Sundays, and in the family program every week of residential care.</p>",
                },
            ),
            ("InquiryFormSection", {"heading": "Ask about admission"}),
            ("CallBoxSection", {"heading": "Ready to talk?"}),
        ],
    },
    {
        "slug": "opioid-detox-professionals",
        "name": "Opioid detox for professionals",
        "summary": "A private, medically supervised opioid detox for physicians, nurses, pilots, lawyers and executives, with help for licensing boards and return-to-work plans.",
        "body": "",
        "layout": "landing",
        "noindex": True,
        "campaign_phone": "(828) 555-0177",
        "hero_scene": "room",
        "sections": [
            (
                "HeroSection",
                {
                    "eyebrow": "Confidential care for licensed professionals",
                    "headline": "Opioid detox that protects your recovery and your career",
                    "introduction": "Medication-assisted detox in a private room, a treatment plan that works with your licensing board, and a return to work you can plan for.",
                    "first_action": "call",
                    "second_action": "verify",
                },
            ),
            (
                "ListSection",
                {
                    "heading": "Built for people with a license to protect",
                    "style": "features",
                    "items": "Private rooms: Single rooms and a separate group for professionals.\nBoard-ready records: Documentation your licensing board or employee assistance program will ask for.\nMedication that works: Buprenorphine or naltrexone, chosen with you by an addiction medicine physician.\nA plan for work: Return-to-work agreements and monitoring you can live with.",
                },
            ),
            (
                "CardsSection",
                {
                    "heading": "Levels of care",
                    "which": "chosen",
                    "chosen": [
                        ("programs", "detox"),
                        ("programs", "residential"),
                        ("programs", "intensive-outpatient"),
                        ("audiences", "professionals"),
                    ],
                    "link_label": "All treatment programs",
                },
            ),
            (
                "TeamSection",
                {"heading": "Your physicians and clinicians", "group": "leadership"},
            ),
            ("BlockSection", {"block": "block-insurance-we-accept"}),
            (
                "TestimonialsSection",
                {"heading": "In their words", "chosen": ["Renee", "J."]},
            ),
            (
                "QuestionSection",
                {
                    "heading": "Questions professionals ask",
                    "question": "Will you report me to my licensing board?",
                    "answer": "<p>No. We share nothing without your written consent. If you are already in a monitoring program, we work with it on the terms you agree.</p>",
                },
            ),
            (
                "QuestionSection",
                {
                    "question": "How long will I be away from work?",
                    "answer": "<p>Detox takes five to seven days. Most professionals continue in residential care for about thirty days, then return to work with outpatient support.</p>",
                },
            ),
            ("VerifyInsuranceSection", {"heading": "Check your coverage first"}),
            ("InquiryFormSection", {"heading": "Ask about admission, privately"}),
        ],
    },
]
