package io.subregistry.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import io.subregistry.notice.Subscriber;
import io.subregistry.registry.version.VersionStatus;

/**
 * Every fixed text of the public and subscriber pages, in English; German and French in
 * messages/msg_de.properties and msg_fr.properties (MessageBundlesTest checks that both have every
 * key). Templates print them as {@code {msg:key}}, in the locale the page is rendered for; what
 * legal staff entered (names, sections, activities) is never translated. Messages hold no HTML:
 * their output is escaped like any value. A method taking an enum words each constant
 * ({@code versionStatus_CURRENT}): those keys are in every language's file, msg_en.properties included.
 */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    // ---------------------------------------------------------------- every page (layout)

    @Message("Sub-processors")
    String subprocessors();

    @Message("Sub-processor changes")
    String feedTitle();

    @Message("Skip to content")
    String skipToContent();

    @Message("Site")
    String siteNavigation();

    @Message("Language")
    String languageNavigation();

    @Message("Current list")
    String navCurrentList();

    @Message("History")
    String navHistory();

    @Message("Atom feed")
    String navFeed();

    @Message("API")
    String navApi();

    @Message("Privacy policy")
    String privacyPolicy();

    @Message("Data processing agreement (DPA)")
    String dpa();

    @Message("Legal & Policies")
    String legalAndPolicies();

    @Message("Privacy questions:")
    String privacyQuestions();

    @Message("JSON API")
    String jsonApi();

    @Message("Staff console")
    String staffConsole();

    // ---------------------------------------------------------------- the list (/)

    @Message("Last updated:")
    String lastUpdated();

    @Message("version {number}")
    String versionLower(int number);

    @Message("No list has been published yet.")
    String nothingPublished();

    @Message("Get notified of changes by e-mail")
    String notifiedByMail();

    @Message("You are not subscribed yet")
    String notSubscribedYet();

    @Message("Also as")
    String alsoAs();

    @Message("What changed")
    String whatChanged();

    @Message("Machine-readable: JSON")
    String machineReadable();

    @Message("Format subprocessor-list/v1, signed; schema at /schemas/subprocessor-list/v1.json")
    String machineReadableHint();

    @Message("Upcoming changes")
    String upcomingChanges();

    @Message("From {date}")
    String fromDate(String date);

    @Message("Shorter notice than usual:")
    String shorterNotice();

    @Message("Compare with the list before it")
    String compareWithListBefore();

    @Message("Note:")
    String note();

    @Message("No sub-processors in this section yet.")
    String noSubprocessorsInSectionYet();

    @Message("No sub-processors in this section.")
    String noSubprocessorsInSection();

    @Message("Sub-processor")
    String columnSubprocessor();

    @Message("Legal address")
    String columnLegalAddress();

    @Message("Location")
    String columnLocation();

    @Message("Processing activity")
    String columnActivity();

    @Message("New")
    String badgeNew();

    @Message("Website")
    String website();

    @Message("DPA")
    String fieldDpa();

    @Message("of {name}")
    String ofName(String name);

    @Message("Transfer:")
    String transfer();

    // ---------------------------------------------------------------- the subscribe form

    @Message("Get notified of changes")
    String getNotified();

    @Message("We e-mail you before any change takes effect, so you can object in time.")
    String getNotifiedWhy();

    @Message("E-mail address")
    String emailAddress();

    @Message("Organisation")
    String organisation();

    @Message("(optional)")
    String optional();

    @Message("Language of the e-mails")
    String mailLanguage();

    @Message("Sections")
    String sections();

    @Message("(none ticked: all)")
    String noneTickedAll();

    @Message("Subscribe")
    String subscribe();

    @Message("Thank you. If this address can receive mail, a confirmation link is on its way. Nothing else is sent until you confirm.")
    String subscribeThanks();

    @Message("Enter your e-mail address, like name@example.com.")
    String problemEmail();

    @Message("Write the organisation on one line, in at most 200 characters.")
    String problemOrganisation();

    @Message("Choose sections from the list, or none to follow every section.")
    String problemSections();

    @Message("Choose one of the languages offered.")
    String problemLanguage();

    @Message("Check this field.")
    String problemField();

    @Message("Too many subscribe requests from your network just now. Please wait a few minutes and try again.")
    String tooManySubscribeRequests();

    @Message("The form expired. Please try again.")
    String formExpiredTryAgain();

    // ---------------------------------------------------------------- history and versions

    @Message("History of the sub-processor list")
    String historyTitle();

    @Message("History")
    String historyHeading();

    @Message("Every published version of the list. Published versions never change; each is chained to the one before by a SHA-256 hash.")
    String historyLede();

    @Message("Published versions, newest first")
    String historyCaption();

    @Message("Version")
    String columnVersion();

    @Message("Effective")
    String columnEffective();

    @Message("Published")
    String columnPublished();

    @Message("Summary")
    String columnSummary();

    @Message("Changes")
    String columnChanges();

    @Message("Compare")
    String columnCompare();

    @Message("Version {number}")
    String versionTitle(int number);

    @Message("Version {number} of the sub-processor list")
    String versionPageTitle(int number);

    /**
     * The badge beside a version's number on the history page ("Current"); one message per
     * constant, {@code versionBadge_CURRENT} in messages/msg_en.properties and the others.
     */
    @Message
    String versionBadge(VersionStatus status);

    /** The label of the row that says when and why a version was withdrawn. */
    @Message("Withdrawn")
    String statusWithdrawn();

    /** A version's status on its own page, in lower case ("upcoming"). */
    @Message
    String versionStatus(VersionStatus status);

    @Message("Emergency:")
    String emergency();

    @Message("Withdrawn, never in effect:")
    String withdrawnNeverInEffect();

    @Message("{count} added")
    String countAdded(int count);

    @Message("{count} removed")
    String countRemoved(int count);

    @Message("{count} modified")
    String countModified(int count);

    @Message("{count} moved")
    String countMoved(int count);

    @Message("{count} section changes")
    String countSectionChanges(int count);

    @Message("Compare with version {number}")
    String compareWithVersion(int number);

    @Message("The first version")
    String firstVersion();

    @Message("About this version")
    String aboutThisVersion();

    @Message("Status")
    String status();

    @Message("Emergency: shorter notice because")
    String emergencyBecause();

    @Message("on {date}, before it took effect: {reason}. It never was the list in force.")
    String withdrawnOn(String date, String reason);

    @Message("Previous hash")
    String previousHash();

    @Message("What this version changed")
    String whatThisVersionChanged();

    @Message("Nothing.")
    String nothing();

    @Message("The list in this version")
    String listInThisVersion();

    @Message("No such version")
    String noSuchVersion();

    // ---------------------------------------------------------------- compare versions

    @Message("Compare versions")
    String compareVersions();

    @Message("From version")
    String fromVersion();

    @Message("To version")
    String toVersion();

    @Message("Compare")
    String compare();

    @Message("From version {from} to version {to}")
    String fromVersionToVersion(int from, int to);

    @Message("No differences.")
    String noDifferences();

    @Message("Nothing has been published yet.")
    String nothingPublishedYet();

    @Message("Choose two published versions (1 to {latest}).")
    String chooseTwoVersions(int latest);

    // ---------------------------------------------------------------- the API page

    @Message("The API and the formats")
    String apiTitle();

    @Message("Everything on this site is also available to programs, without signing in: the list, its history, what changed, and a signed, documented format.")
    String apiLede();

    @Message("Which one do I need?")
    String apiWhichOne();

    @Message("Formats and where to get them")
    String apiCaption();

    @Message("I want")
    String apiIWant();

    @Message("Get")
    String apiGet();

    @Message("Format")
    String apiFormat();

    @Message("The list in force, in a spreadsheet")
    String apiWantSpreadsheet();

    @Message("CSV, one row per sub-processor")
    String apiCsvRows();

    @Message("The list in force, for a program")
    String apiWantProgram();

    @Message("JSON in the documented format")
    String apiDocumentedFormat();

    @Message("signed")
    String apiSigned();

    @Message("The list as it was on a date")
    String apiWantOnDate();

    @Message("JSON (or add")
    String apiJsonOr();

    @Message("or")
    String or();

    @Message("What changed between two versions")
    String apiWantDiff();

    @Message("Changes that are announced but not in force yet")
    String apiWantUpcoming();

    @Message("To be told of every change in a feed reader")
    String apiWantFeed();

    @Message("To check a version's signature")
    String apiWantSignature();

    @Message("JWKS of our Ed25519 keys")
    String apiJwks();

    @Message("Good to know")
    String apiGoodToKnow();

    @Message("Published versions never change. Every version has a SHA-256 hash chained to the one before it, and an Ed25519 signature.")
    String apiNeverChange();

    @Message("Each sub-processor keeps its identifier across renames and moves, so you can follow it from version to version")
    String apiIdKept();

    @Message("Errors come as")
    String apiErrors();

    @Message("with a sentence for people in")
    String apiErrorsDetail();

    @Message("To be told by e-mail instead,")
    String apiByMail();

    @Message("subscribe on the list's page")
    String apiSubscribeOnList();

    @Message("Every endpoint")
    String apiEveryEndpoint();

    @Message("The complete reference, including the endpoints for staff:")
    String apiReference();

    @Message("interactive API documentation (Swagger UI)")
    String apiSwagger();

    // ---------------------------------------------------------------- subscriber pages (links in mails)

    @Message("Confirm your subscription")
    String confirmTitle();

    @Message("One click and {email} will be told about every change to our sub-processors before it takes effect.")
    String confirmLede(String email);

    @Message("Confirm my subscription")
    String confirmButton();

    @Message("Confirmation failed")
    String confirmationFailed();

    @Message("Subscription confirmed")
    String subscriptionConfirmed();

    @Message("You will be told about changes to our sub-processors before they take effect. A welcome mail to {email} has the link to choose sections or unsubscribe; so does every notice.")
    String subscriptionConfirmedText(String email);

    @Message("See the current list")
    String seeTheCurrentList();

    @Message("Subscribe again")
    String subscribeAgain();

    @Message("to receive notices.")
    String toReceiveNotices();

    @Message("Unsubscribe")
    String unsubscribe();

    @Message("Stop receiving notices about changes to our sub-processors at {email}.")
    String unsubscribeLedeAt(String email);

    @Message("Stop receiving notices about changes to our sub-processors.")
    String unsubscribeLede();

    @Message("Unsubscribe failed")
    String unsubscribeFailed();

    @Message("You are unsubscribed")
    String unsubscribed();

    @Message("{email} will receive no more notices about our sub-processors.")
    String unsubscribedText(String email);

    @Message("Your subscription")
    String yourSubscription();

    @Message("Saved.")
    String saved();

    @Message("Notices go to")
    String noticesGoTo();

    /** "Status: confirmed.", after the address on the manage page. */
    @Message
    String subscriptionStatus(Subscriber.Status status);

    @Message("Notices are written in:")
    String noticesIn();

    @Message("Sections to follow")
    String sectionsToFollow();

    @Message("Leave all unticked to follow every section.")
    String leaveAllUnticked();

    @Message("Save")
    String save();

    @Message("Unsubscribe from all notices")
    String unsubscribeFromAll();

    @Message("The organisation must be one line of at most 200 characters.")
    String organisationTooLong();

    // ---------------------------------------------------------------- objections

    @Message("Object to a change")
    String objectTitle();

    @Message("Object to version {version}")
    String objectToVersion(int version);

    @Message("Objection")
    String objection();

    @Message("Objection not recorded")
    String objectionNotRecorded();

    @Message("Your objection was not sent yet")
    String objectionNotSentYet();

    @Message("In effect since:")
    String inEffectSince();

    @Message("Takes effect:")
    String takesEffect();

    @Message("Objections are accepted until")
    String objectionsUntil();

    @Message("Your objection")
    String yourObjection();

    @Message("Your objection and its status")
    String yourObjectionCaption();

    @Message("Resolved:")
    String resolved();

    @Message("Received, waiting for our legal team's answer")
    String receivedWaiting();

    @Message("Received")
    String received();

    @Message("You object to")
    String youObjectTo();

    @Message("Your reason")
    String yourReason();

    @Message("Answered")
    String answered();

    @Message("Our answer")
    String ourAnswer();

    @Message("No objection can be recorded:")
    String noObjectionCanBeRecorded();

    // Why (notice.objection.ClosedReason), after noObjectionCanBeRecorded; SubscriberPages picks one.

    @Message("version {version} was withdrawn and will not take effect: there is nothing to object to")
    String closedWithdrawn(int version);

    @Message("the objection deadline for version {version} passed on {date}")
    String closedDeadlinePassed(int version, String date);

    @Message("this subscription has ended")
    String closedSubscriptionEnded();

    @Message("version {version} adds no sub-processor to object to")
    String closedNothingAdded(int version);

    @Message("you objected on {date}")
    String closedYouObjected(String date);

    @Message("your organisation objected on {date} (from another contact)")
    String closedOrganisationObjected(String date);

    @Message("See the current list of sub-processors")
    String seeCurrentList();

    @Message("Sub-processors you object to")
    String subprocessorsYouObjectTo();

    @Message("Why do you object?")
    String whyObject();

    @Message("Send my objection")
    String sendObjection();

    @Message("Tick at least one sub-processor you object to.")
    String tickOneSubprocessor();

    @Message("Say why you object: legal staff answer your reason.")
    String sayWhy();

    @Message("The reason is longer than 5,000 characters.")
    String reasonTooLong();

    @Message("The reason contains characters that cannot be stored.")
    String reasonNotPlain();

    @Message("Objection recorded")
    String objectionRecorded();

    @Message("Thank you. Our legal team will review your objection and answer you before the change takes effect. A receipt is on its way by mail; this link shows your objection and its status.")
    String objectionRecordedText();

    @Message("See your objection")
    String seeYourObjection();

    @Message("upheld")
    String outcomeUpheld();

    @Message("rejected, the change goes ahead")
    String outcomeRejected();

    @Message("withdrawn")
    String outcomeWithdrawn();

    // ---------------------------------------------------------------- acknowledging receipt (customer contacts)

    @Message("Acknowledge receipt")
    String acknowledgeReceipt();

    @Message("Acknowledge receipt of version {version}")
    String acknowledgeReceiptOf(int version);

    @Message("Receipt not acknowledged")
    String receiptNotAcknowledged();

    @Message("For")
    String forCustomer();

    @Message("Thank you:")
    String thankYou();

    @Message("Receipt was acknowledged on {date}.")
    String acknowledgedOn(String date);

    @Message("Receipt was acknowledged on {date} by {by}.")
    String acknowledgedOnBy(String date, String by);

    // ---------------------------------------------------------------- error pages

    @Message("Go to the current list of sub-processors")
    String goToCurrentList();

    @Message("Back to the console")
    String backToConsole();

    @Message("The form expired")
    String formExpired();

    @Message("This form was open too long or did not come from this site. Go back, reload the page and try again.")
    String formExpiredText();

    @Message("Page not found")
    String pageNotFound();

    @Message("Request not carried out")
    String requestRefused();

    @Message("The request could not be read.")
    String refusedBadRequest();

    @Message("This is not allowed.")
    String refusedForbidden();

    @Message("This link is not valid (any more), or the page does not exist.")
    String refusedNotFound();

    @Message("The request cannot be answered in this form.")
    String refusedUnsupported();

    @Message("This cannot be done in the current state.")
    String refusedConflict();

    @Message("This link has expired. Subscribe again to get a new one.")
    String refusedGone();

    @Message("The request could not be carried out.")
    String refusedUnprocessable();

    @Message("Too many requests just now. Please wait a few minutes and try again.")
    String refusedTooMany();

    @Message("Something went wrong. Please try again later.")
    String refusedError();
}
