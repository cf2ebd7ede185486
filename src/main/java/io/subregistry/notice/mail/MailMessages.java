package io.subregistry.notice.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every fixed text of the subscriber mails (subjects, both parts), in English here and in
 * {@code messages/mail_de.properties} and {@code mail_fr.properties}. What legal staff entered
 * (names, summaries, reasons, section titles) is passed in as it is, never translated. The
 * staff invitation stays English (the console is English).
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    // The frame: header block, binding language, footer

    @Message("Sub-processor notices")
    String noticesTitle();

    @Message("The English version of this notice is legally binding; this translation is provided for information only.")
    String bindingEn();

    @Message("The German version of this notice is legally binding; this translation is provided for information only.")
    String bindingDe();

    @Message("The French version of this notice is legally binding; this translation is provided for information only.")
    String bindingFr();

    @Message("Questions about privacy:")
    String privacyContact();

    @Message("Privacy policy")
    String privacyPolicy();

    @Message("Data Processing Agreement")
    String dpa();

    @Message("Legal & Policies")
    String legalPages();

    @Message("(all sections)")
    String allSections();

    @Message("(sections: {sections})")
    String sectionsFollowed(String sections);

    @Message("Choose sections")
    String chooseSections();

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Manage your subscription")
    String manageSubscription();

    @Message("You receive this because this address is subscribed to changes of our sub-processor list.")
    String whySubscribed();

    // Subjects (the brand's "[Company] " goes before them)

    @Message("Upcoming change to our sub-processors, effective {date}")
    String subjectUpcoming(String date);

    @Message("Change to our sub-processors, in effect since {date}")
    String subjectInEffect(String date);

    @Message("Reminder: upcoming change to our sub-processors, effective {date}")
    String subjectReminder(String date);

    @Message("Please acknowledge: change to our sub-processors, effective {date}")
    String subjectAckReminder(String date);

    @Message("Now in effect: the change to our sub-processors of {date}")
    String subjectEffective(String date);

    @Message("Withdrawn: the change to our sub-processors announced for {date}")
    String subjectWithdrawal(String date);

    @Message("Confirm your subscription to our sub-processor changes")
    String subjectConfirmation();

    @Message("Your subscription to our sub-processor changes is confirmed")
    String subjectWelcome();

    @Message("We received your objection to version {version} of our sub-processors")
    String subjectObjectionReceived(int version);

    @Message("Your objection to version {version} of our sub-processors: {outcome}")
    String subjectObjectionResolved(int version, String outcome);

    @Message("You are the sub-processor notice contact of {customer}")
    String subjectContactRegistered(String customer);

    // Notices about a version

    @Message("Upcoming change to our sub-processors")
    String upcomingHeading();

    @Message("We will change our list of sub-processors on {date} (version {version}, published {published}).")
    String upcomingIntro(String date, int version, String published);

    @Message("Our sub-processors changed: in effect now")
    String inEffectHeading();

    @Message("This change to our list of sub-processors is already in effect, since {date} (version {version}, published {published}).")
    String inEffectIntro(String date, int version, String published);

    @Message("Withdrawn: the change we announced for {date}")
    String withdrawalHeading(String date);

    @Message("Version {version} of our list of sub-processors, announced on {published}, has been withdrawn and will not take effect. Our list stays as it is; the changes below will not happen.")
    String withdrawalIntro(int version, String published);

    @Message("Why:")
    String withdrawalWhy();

    @Message("If you objected to this change, there is nothing more to do.")
    String withdrawalNothingToDo();

    @Message("Reminder: our sub-processors change on {date}")
    String reminderHeading(String date);

    @Message("This is a reminder of the change we announced on {published} (version {version}).")
    String reminderIntro(String published, int version);

    @Message("Please acknowledge: our sub-processors change on {date}")
    String ackHeading(String date);

    @Message("We announced this change on {published} (version {version}) and have no acknowledgement of it yet.")
    String ackIntro(String published, int version);

    @Message("Our sub-processor changes are now in effect")
    String effectiveHeading();

    @Message("Version {version} of our list of sub-processors took effect on {date}.")
    String effectiveIntro(int version, String date);

    @Message("Summary:")
    String summary();

    @Message("Emergency: shorter notice than usual.")
    String emergency();

    @Message("Reason:")
    String reason();

    @Message("You receive this as the sub-processor notice contact of {customer}.")
    String contractContact(String customer);

    @Message("Shorter notice than your contract promises: {required} days promised, {given} days given.")
    String contractShortened(int required, int given);

    @Message("Acknowledge receipt")
    String acknowledgeReceipt();

    @Message("Your right to object runs until {date}.")
    String objectionRightUntil(String date);

    @Message("The change took effect early, but the notice period of our Data Processing Agreement still applies: if you object to a new sub-processor, tell us before then.")
    String objectionRightExplained();

    @Message("If we cannot resolve your objection, you may terminate the affected services as the agreement provides.")
    String objectionTermination();

    @Message("Objection deadline: {date}.")
    String objectionDeadline(String date);

    @Message("If you object to a new sub-processor, tell us before then.")
    String objectionBefore();

    @Message("Object to this change")
    String objectLink();

    @Message("What changes")
    String whatChanges();

    @Message("What will not change")
    String whatWillNotChange();

    @Message("{#if count == 1}1 other change concerns a section you do not follow.{#else}{count} other changes concern sections you do not follow.{/if}")
    String otherChanges(int count);

    @Message("See every change of version {version}")
    String diffLink(int version);

    @Message("This notice concerns version {version} of our list, hash {hash}.")
    String witness(int version, String hash);

    @Message("This notice concerns version {version} of our list, hash {hash}, signed with key {keyId}.")
    String witnessSigned(int version, String hash, String keyId);

    @Message("Keep this mail: the hash identifies exactly that version, and its signature can be checked against our published keys.")
    String keepThisMail();

    // Confirmation and welcome

    @Message("Confirm your subscription")
    String confirmHeading();

    @Message("Someone, hopefully you, asked to be told about changes to our list of sub-processors {scope}.")
    String confirmAsked(String scope);

    @Message("Confirm my subscription")
    String confirmButton();

    @Message("Confirm here:")
    String confirmHere();

    @Message("The link works until {date}. If you did not ask for this, ignore this mail: you will get nothing else from us.")
    String confirmExpiry(String date);

    @Message("Your subscription is confirmed")
    String welcomeHeading();

    @Message("We will e-mail {email} before any change to our sub-processors takes effect {scope}. Each notice says what changes and from when, and lets you object in time.")
    String welcomeIntro(String email, String scope);

    @Message("Manage my subscription")
    String welcomeButton();

    @Message("Keep this mail: its link lets you choose sections or unsubscribe at any time, without a password.")
    String welcomeKeep();

    @Message("The current list:")
    String currentList();

    // Objections

    @Message("We received your objection")
    String objectionReceivedHeading();

    @Message("Your objection was resolved: {outcome}")
    String objectionResolvedHeading(String outcome);

    @Message("Our answer:")
    String ourAnswer();

    @Message("Our legal team will review it and answer you by e-mail before the change takes effect on {date}.")
    String objectionReview(String date);

    @Message("Change")
    String objectionChangeLabel();

    @Message("Version {version}: {summary} (takes effect {date})")
    String objectionChange(int version, String summary, String date);

    @Message("You object to")
    String objectedTo();

    @Message("Your reason")
    String yourReason();

    @Message("Received")
    String received();

    @Message("See your objection and its status")
    String objectionStatusLink();

    @Message("upheld")
    String outcomeUpheld();

    @Message("rejected, the change goes ahead")
    String outcomeRejected();

    @Message("withdrawn")
    String outcomeWithdrawn();

    // A customer's contact

    @Message("You are the sub-processor notice contact of {customer}")
    String contactHeading(String customer);

    @Message("your organisation")
    String yourOrganisation();

    @Message("Hello {name},")
    String hello(String name);

    @Message("Our staff registered this address as the contact that the data processing agreement of {customer} names for notices of changes to our sub-processors {scope}.")
    String contactIntro(String customer, String scope);

    @Message("From now on you receive every announcement of a change before it takes effect, with a link to acknowledge receipt and a link to object.")
    String contactFromNow();

    @Message("If you unsubscribe, please tell us who should receive these notices instead.")
    String contactReplacement();
}
