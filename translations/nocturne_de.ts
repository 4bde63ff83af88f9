<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Duration</name>
    <message>
        <source>%1d %2h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventSummary</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To %1 (%2)</source>
        <translation>An %1 (%2)</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>An %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>Bearbeitung begonnen</translation>
    </message>
    <message>
        <source>Impact %1, urgency %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>Geändert: %1</translation>
    </message>
    <message>
        <source>Level %1 to %2</source>
        <translation>Stufe %1 an %2</translation>
    </message>
    <message>
        <source>Alert attached</source>
        <translation>Alarm angehängt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Problem %1</source>
        <translation>Problem %1</translation>
    </message>
</context>
<context>
    <name>SavedQueue</name>
    <message>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Mir zugewiesen</translation>
    </message>
    <message>
        <source>P1–P2</source>
        <translation>P1–P2</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved today</source>
        <translation>Heute gelöst</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>In Progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>On Hold</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Awaiting caller</source>
        <translation>Wartet auf Melder</translation>
    </message>
    <message>
        <source>Awaiting vendor</source>
        <translation>Wartet auf Lieferant</translation>
    </message>
    <message>
        <source>Awaiting change</source>
        <translation>Wartet auf Change</translation>
    </message>
    <message>
        <source>Awaiting problem</source>
        <translation>Wartet auf Problem</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>Handel</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finanzen</translation>
    </message>
    <message>
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Priority changed</source>
        <translation>Priorität geändert</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Alert attached</source>
        <translation>Alarm angehängt</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wiedereröffnet</translation>
    </message>
    <message>
        <source>Linked to problem</source>
        <translation>Mit Problem verknüpft</translation>
    </message>
    <message>
        <source>P1 - Critical</source>
        <translation>P1 - Kritisch</translation>
    </message>
    <message>
        <source>P2 - High</source>
        <translation>P2 - Hoch</translation>
    </message>
    <message>
        <source>P3 - Moderate</source>
        <translation>P3 - Mittel</translation>
    </message>
    <message>
        <source>P4 - Low</source>
        <translation>P4 - Niedrig</translation>
    </message>
    <message>
        <source>P5 - Planning</source>
        <translation>P5 - Planung</translation>
    </message>
    <message>
        <source>P%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Nocturne — incident operations console</source>
        <translation>Nocturne — Konsole für den Incident-Betrieb</translation>
    </message>
    <message>
        <source>The incident database (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Act as this operator (default: $USER).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nocturne::models::IncidentQueueModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>(nicht zugewiesen)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Configuration item</source>
        <translation>Konfigurationselement</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Assignment group</source>
        <translation>Zuständige Gruppe</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>nocturne::models::SavedQueuesModel</name>
    <message numerus="yes">
        <source>%1: %n incident(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nocturne::models::TimelineModel</name>
    <message>
        <source>%1 (flagged)</source>
        <translation>%1 (markiert)</translation>
    </message>
    <message>
        <source>This event was valid when it was recorded, but not after a merge put it in order; it is kept in the history and did not change the incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1 on node %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Geschehen</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ActionController</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>Cancel incident</source>
        <translation>Incident stornieren</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wiedereröffnen</translation>
    </message>
    <message>
        <source>open a new incident</source>
        <translation>einen neuen Incident eröffnen</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %1 %n incident(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 eröffnet</translation>
    </message>
    <message numerus="yes">
        <source>Done: %1 %n incident(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 done; %3 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some actions were refused</source>
        <translation>Einige Aktionen wurden abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>Could not %1 %n incident(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nocturne::ui::AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Assignee:</source>
        <translation>&amp;Bearbeiter:</translation>
    </message>
    <message>
        <source>(anyone in the group)</source>
        <translation>(beliebig in der Gruppe)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an assignment group.</source>
        <translation>Zuständige Gruppe wählen.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ConsoleStatusBar</name>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>%1 shown · %2 open</source>
        <translation>%1 angezeigt · %2 offen</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::DetailPane</name>
    <message>
        <source>Select an incident in the queue to see its details, its history and what you can do next.

Use Ctrl+F to filter the queue, Ctrl+N to open a new incident.</source>
        <translation>Wählen Sie einen Incident in der Queue, um Details, Verlauf und nächste Schritte zu sehen.

Strg+F filtert die Queue, Strg+N eröffnet einen neuen Incident.</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>CI:</source>
        <translation>CI:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Gruppe:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Bearbeiter:</translation>
    </message>
    <message>
        <source>Reporter:</source>
        <translation>Melder:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Eröffnet:</translation>
    </message>
    <message>
        <source>Acknowledged:</source>
        <translation>Angenommen:</translation>
    </message>
    <message>
        <source>Resolved:</source>
        <translation>Gelöst:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Lösung:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Impact/urgency:</source>
        <translation>Auswirkung/Dringlichkeit:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nocturne::ui::HoldDialog</name>
    <message>
        <source>Put on hold</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::IncidentActions</name>
    <message>
        <source>&amp;New incident…</source>
        <translation>&amp;Neuer Incident…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>A&amp;ssign…</source>
        <translation>&amp;Zuweisen…</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <source>Put on &amp;hold…</source>
        <translation>&amp;Zurückstellen…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Lösen…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>&amp;Wiedereröffnen…</translation>
    </message>
    <message>
        <source>&amp;Cancel incident…</source>
        <translation>Incident &amp;stornieren…</translation>
    </message>
    <message>
        <source>Add &amp;comment…</source>
        <translation>&amp;Kommentieren…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>&amp;Filter queue</source>
        <translation>Queue &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Nocturne</source>
        <translation>Ü&amp;ber Nocturne</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nocturne::ui::MainWindow</name>
    <message>
        <source>Nocturne — incident operations console</source>
        <translation>Nocturne — Konsole für den Incident-Betrieb</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Incident</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Nocturne — database problem</source>
        <translation>Nocturne — Problem mit der Datenbank</translation>
    </message>
    <message>
        <source>Nocturne cannot open the incident database.</source>
        <translation>Nocturne kann die Incident-Datenbank nicht öffnen.</translation>
    </message>
    <message>
        <source>Nocturne lost access to the incident database.</source>
        <translation>Nocturne hat den Zugriff auf die Incident-Datenbank verloren.</translation>
    </message>
    <message>
        <source>About Nocturne</source>
        <translation>Über Nocturne</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Nocturne %1&lt;/h3&gt;&lt;p&gt;Nocturne — incident operations console.&lt;/p&gt;&lt;p&gt;Watch live incident queues, acknowledge, triage, assign and resolve, on a local database that works with no network at all.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nocturne::ui::NewIncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>Neuer Incident</translation>
    </message>
    <message>
        <source>Describe what is wrong. The priority follows from impact and urgency.</source>
        <translation>Beschreiben Sie die Störung. Die Priorität ergibt sich aus Auswirkung und Dringlichkeit.</translation>
    </message>
    <message>
        <source>e.g. Sorter S2 jam at induction, throughput down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service…</source>
        <translation>Service wählen…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(triage later)</source>
        <translation>(später zuweisen)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>Configuration &amp;item:</source>
        <translation>Konfigurations&amp;element:</translation>
    </message>
    <message>
        <source>Si&amp;te:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>&amp;Impact:</source>
        <translation>&amp;Auswirkung:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Dringlichkeit:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Priorität:</translation>
    </message>
    <message>
        <source>Assignment &amp;group:</source>
        <translation>Zuständige &amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>1 - High</source>
        <translation>1 - Hoch</translation>
    </message>
    <message>
        <source>2 - Medium</source>
        <translation>2 - Mittel</translation>
    </message>
    <message>
        <source>3 - Low</source>
        <translation>3 - Niedrig</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose impact and urgency</source>
        <translation>Auswirkung und Dringlichkeit wählen</translation>
    </message>
    <message>
        <source>Enter a title.</source>
        <translation>Titel eingeben.</translation>
    </message>
    <message>
        <source>Choose the affected service.</source>
        <translation>Betroffenen Service wählen.</translation>
    </message>
    <message>
        <source>Choose the impact.</source>
        <translation>Auswirkung wählen.</translation>
    </message>
    <message>
        <source>Choose the urgency.</source>
        <translation>Dringlichkeit wählen.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::NoteDialog</name>
    <message>
        <source>Enter some text.</source>
        <translation>Text eingeben.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::QueueView</name>
    <message>
        <source>Filter by number, title, service, CI, site or assignee</source>
        <translation>Nach Nummer, Titel, Service, CI, Standort oder Bearbeiter filtern</translation>
    </message>
    <message>
        <source>Opening the incident queue…</source>
        <translation>Incident-Queue wird geöffnet…</translation>
    </message>
    <message>
        <source>No incident in this queue matches “%1”.</source>
        <translation>Kein Incident in dieser Queue passt zu „%1“.</translation>
    </message>
    <message>
        <source>This queue is empty: no incident needs attention here.
Nocturne shows new incidents as soon as they are recorded.</source>
        <translation>Diese Queue ist leer: Hier braucht kein Incident Aufmerksamkeit.
Nocturne zeigt neue Incidents, sobald sie erfasst sind.</translation>
    </message>
</context>
<context>
    <name>nocturne::ui::ResolveDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Resolution &amp;code:</source>
        <translation>Lösungs&amp;code:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>Choose or type a resolution code.</source>
        <translation>Lösungscode wählen oder eingeben.</translation>
    </message>
</context>
</TS>
