<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>packstation</name>
        <message>
            <source>ui.cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>ui.save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>ui.scan.dialog_open</source>
            <translation>Scan {code} refusé : la fenêtre « {title} » est ouverte. Terminez-la ou fermez-la (Échap), puis scannez à nouveau.</translation>
        </message>
        <message>
            <source>ui.settings.station.require_packer</source>
            <translation>Demander un préparateur (badge) avant la première commande</translation>
        </message>
        <message>
            <source>ui.quit.title</source>
            <translation>Quitter Packstation ?</translation>
        </message>
        <message>
            <source>ui.quit.question</source>
            <translation>La commande {ref} est ouverte sur cette table. Quitter quand même ? Elle restera réservée à cette table et reprendra au prochain démarrage.</translation>
        </message>
        <message>
            <source>ui.banner.next_title</source>
            <translation>{carrier} — prochain passage</translation>
        </message>
        <message>
            <source>ui.settings.tab.packers</source>
            <translation>Préparateurs</translation>
        </message>
        <message>
            <source>ui.settings.packers.intro</source>
            <translation>Les préparateurs de la boutique et leurs badges. Chaque changement s'applique tout de suite.</translation>
        </message>
        <message>
            <source>ui.settings.packers.name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>ui.settings.packers.badge</source>
            <translation>Code du badge</translation>
        </message>
        <message>
            <source>ui.settings.packers.state</source>
            <translation>État</translation>
        </message>
        <message>
            <source>ui.settings.packers.badge_placeholder</source>
            <translation>Code du badge (facultatif)</translation>
        </message>
        <message>
            <source>ui.settings.packers.add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <source>ui.settings.packers.rename</source>
            <translation>Renommer la ligne choisie</translation>
        </message>
        <message>
            <source>ui.settings.packers.retire</source>
            <translation>Retirer la ligne choisie</translation>
        </message>
        <message>
            <source>ui.settings.packers.print</source>
            <translation>Imprimer les badges</translation>
        </message>
        <message>
            <source>ui.settings.packers.cards</source>
            <translation>Badges des préparateurs</translation>
        </message>
        <message>
            <source>ui.settings.packers.active</source>
            <translation>actif</translation>
        </message>
        <message>
            <source>ui.settings.packers.retired</source>
            <translation>retiré</translation>
        </message>
        <message>
            <source>ui.settings.packers.choose</source>
            <translation>Choisissez d'abord un préparateur dans la liste.</translation>
        </message>
        <message>
            <source>ui.settings.carrier.name</source>
            <translation>Nom affiché</translation>
        </message>
        <message>
            <source>ui.settings.carrier.pickups</source>
            <translation>Heures d'enlèvement (une ou plusieurs par jour : 12:00, 17:00 ; vide : pas d'enlèvement)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.holidays</source>
            <translation>Jours fériés du pays (code, vide : aucun)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.subdivision</source>
            <translation>Région des jours fériés (facultatif, ex. 57)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.closed</source>
            <translation>Jours fermés (AAAA-MM-JJ, séparés par des virgules)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.extra</source>
            <translation>Enlèvements exceptionnels (date et heure)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.match</source>
            <translation>Modes de livraison de la boutique pour ce transporteur</translation>
        </message>
        <message>
            <source>ui.settings.carrier.express</source>
            <translation>Services comptés comme express</translation>
        </message>
        <message>
            <source>ui.settings.carrier.max_weight</source>
            <translation>Poids maximal d'un colis</translation>
        </message>
        <message>
            <source>ui.settings.carrier.label_account</source>
            <translation>Compte d'étiquettes du transporteur</translation>
        </message>
        <message>
            <source>ui.settings.label.provider</source>
            <translation>Service d'étiquettes</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.own</source>
            <translation>Étiquette de la station (sans numéro de suivi)</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.colissimo</source>
            <translation>Colissimo</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.sendcloud</source>
            <translation>Sendcloud</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.mondial_relay</source>
            <translation>Mondial Relay</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.chronopost</source>
            <translation>Chronopost</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.dpd</source>
            <translation>DPD France</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.gls</source>
            <translation>GLS</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.own</source>
            <translation>La station imprime sa propre étiquette, sans numéro de suivi : pour les remises en main propre et les transporteurs qui acceptent l'étiquette de l'expéditeur.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.colissimo</source>
            <translation>Demandez à La Poste (votre contact commercial Colissimo, ou l'espace « Colissimo Box ») l'accès au service web d'étiquettes SLS pour votre contrat : le numéro de contrat et le mot de passe de ce service web.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.sendcloud</source>
            <translation>Pour les boutiques sans contrat transporteur : dans le panneau Sendcloud, Paramètres &gt; Intégrations, créez une intégration « API » ; elle donne une clé publique et une clé secrète.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.mondial_relay</source>
            <translation>Demandez à Mondial Relay un compte de service web : le code enseigne (par exemple BDTEST13 sur leur compte de test) et sa clé privée. Étiquettes PDF seulement.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.chronopost</source>
            <translation>Demandez à votre contact commercial Chronopost l'accès aux services web (ShippingServiceWS) pour votre compte : le numéro de compte (8 chiffres) et son mot de passe.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.dpd</source>
            <translation>Demandez à DPD France l'accès à son service web d'étiquettes (eprintwebservice, « Web Service étiquettes ») : l'identifiant (userid), son mot de passe et votre compte client pays/centre/numéro (par exemple 250/77/12345).</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.gls</source>
            <translation>Demandez à GLS France un accès ShipIT (API web) : l'utilisateur, son mot de passe et votre ContactID ; l'adresse du service est celle que GLS vous donne, finissant par /backend.</translation>
        </message>
        <message>
            <source>ui.settings.label.url</source>
            <translation>Adresse du service</translation>
        </message>
        <message>
            <source>ui.settings.label.url_default</source>
            <translation>Vide : le service de production, {url}</translation>
        </message>
        <message>
            <source>ui.settings.label.login.contract</source>
            <translation>Numéro de contrat</translation>
        </message>
        <message>
            <source>ui.settings.label.login.public_key</source>
            <translation>Clé publique</translation>
        </message>
        <message>
            <source>ui.settings.label.login.enseigne</source>
            <translation>Enseigne</translation>
        </message>
        <message>
            <source>ui.settings.label.login.account_number</source>
            <translation>Numéro de compte</translation>
        </message>
        <message>
            <source>ui.settings.label.login.user</source>
            <translation>Utilisateur</translation>
        </message>
        <message>
            <source>ui.settings.label.login.login</source>
            <translation>Identifiant</translation>
        </message>
        <message>
            <source>ui.settings.label.customer.customer</source>
            <translation>Compte client DPD</translation>
        </message>
        <message>
            <source>ui.settings.label.customer.contact_id</source>
            <translation>Identifiant de contact (ContactID)</translation>
        </message>
        <message>
            <source>ui.settings.label.customer_placeholder.customer</source>
            <translation>pays/centre/numéro, par exemple 250/77/12345</translation>
        </message>
        <message>
            <source>ui.settings.label.customer_placeholder.contact_id</source>
            <translation>Donné par GLS avec l'accès ShipIT</translation>
        </message>
        <message>
            <source>ui.settings.label.secret.password</source>
            <translation>Mot de passe</translation>
        </message>
        <message>
            <source>ui.settings.label.secret.secret_key</source>
            <translation>Clé secrète</translation>
        </message>
        <message>
            <source>ui.settings.label.secret.private_key</source>
            <translation>Clé privée</translation>
        </message>
        <message>
            <source>ui.settings.label.secret_mode.env</source>
            <translation>Variable d'environnement</translation>
        </message>
        <message>
            <source>ui.settings.label.secret_mode.keyring</source>
            <translation>Trousseau du système</translation>
        </message>
        <message>
            <source>ui.settings.label.env_placeholder</source>
            <translation>Nom de la variable, par exemple COLISSIMO_PASSWORD</translation>
        </message>
        <message>
            <source>ui.settings.label.env_note</source>
            <translation>Le secret est lu dans cette variable quand une étiquette est demandée ; le fichier du poste ne garde que son nom (env:NOM).</translation>
        </message>
        <message>
            <source>ui.settings.label.keyring_note</source>
            <translation>Tapez le secret une fois : il est gardé dans le trousseau du système à l'enregistrement ; le fichier du poste n'en garde que la référence (keyring:packstation/…).</translation>
        </message>
        <message>
            <source>ui.settings.label.keyring_kept</source>
            <translation>Déjà dans le trousseau ({reference}) : laissez vide pour le garder, tapez-en un nouveau pour le remplacer.</translation>
        </message>
        <message>
            <source>ui.settings.label.keyring_placeholder</source>
            <translation>Secret (jamais affiché)</translation>
        </message>
        <message>
            <source>ui.settings.label.no_keyring</source>
            <translation>Aucun trousseau du système n'est disponible sur ce poste : le secret ne peut pas y être gardé. Choisissez « Variable d'environnement ».</translation>
        </message>
        <message>
            <source>ui.settings.label.format</source>
            <translation>Format d'étiquette</translation>
        </message>
        <message>
            <source>ui.settings.label.format.pdf_203</source>
            <translation>PDF 10x15</translation>
        </message>
        <message>
            <source>ui.settings.label.format.zpl_203</source>
            <translation>ZPL 203 dpi (imprimante thermique)</translation>
        </message>
        <message>
            <source>ui.settings.label.format.zpl_300</source>
            <translation>ZPL 300 dpi (imprimante thermique)</translation>
        </message>
        <message>
            <source>ui.import.format.generic</source>
            <translation>CSV Packstation</translation>
        </message>
        <message>
            <source>ui.import.format.unknown</source>
            <translation>format inconnu</translation>
        </message>
        <message>
            <source>ui.abandon.title</source>
            <translation>Abandonner {ref}</translation>
        </message>
        <message>
            <source>ui.abandon.prompt</source>
            <translation>Pourquoi abandonner la commande {ref} ? Choisissez ou tapez un motif, ou scannez un code motif de la feuille de commandes. Les articles seront à remettre en place.</translation>
        </message>
        <message>
            <source>ui.abandon.ok</source>
            <translation>Abandonner</translation>
        </message>
        <message>
            <source>ui.packer.title</source>
            <translation>Préparateur</translation>
        </message>
        <message>
            <source>ui.packer.prompt</source>
            <translation>Votre nom (ou scannez votre badge). Laissez vide pour vous déconnecter.</translation>
        </message>
        <message>
            <source>ui.shop.title</source>
            <translation>Adresse de la boutique</translation>
        </message>
        <message>
            <source>ui.shop.name</source>
            <translation>Nom de la boutique</translation>
        </message>
        <message>
            <source>ui.shop.address1</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>ui.shop.address2</source>
            <translation>Complément d'adresse</translation>
        </message>
        <message>
            <source>ui.shop.postcode</source>
            <translation>Code postal</translation>
        </message>
        <message>
            <source>ui.shop.city</source>
            <translation>Ville</translation>
        </message>
        <message>
            <source>ui.shop.country</source>
            <translation>Pays (code ISO, ex. FR)</translation>
        </message>
        <message>
            <source>ui.shop.phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>ui.shop.email</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>ui.shop.return_instructions</source>
            <translation>Consignes de retour</translation>
        </message>
        <message>
            <source>ui.bo.browse</source>
            <translation>Parcourir…</translation>
        </message>
        <message>
            <source>ui.bo.choose_folder</source>
            <translation>Choisir un dossier</translation>
        </message>
        <message>
            <source>ui.bo.error_title</source>
            <translation>Impossible</translation>
        </message>
        <message>
            <source>ui.bo.yes</source>
            <translation>Oui</translation>
        </message>
        <message>
            <source>ui.bo.no</source>
            <translation>Non</translation>
        </message>
        <message>
            <source>ui.bo.ok</source>
            <translation>Valider</translation>
        </message>
        <message>
            <source>ui.bo.close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>ui.bo.reason</source>
            <translation>Raison :</translation>
        </message>
        <message>
            <source>ui.bo.reason_placeholder</source>
            <translation>Pourquoi ? (gardé dans l'historique)</translation>
        </message>
        <message>
            <source>ui.bo.name</source>
            <translation>Votre nom :</translation>
        </message>
        <message>
            <source>ui.bo.duration_min</source>
            <translation>{minutes} min {seconds} s</translation>
        </message>
        <message>
            <source>ui.bo.duration_s</source>
            <translation>{seconds} s</translation>
        </message>
        <message>
            <source>ui.history.title</source>
            <translation>Historique des commandes</translation>
        </message>
        <message>
            <source>ui.history.search</source>
            <translation>Référence, nom, numéro de suivi, e-mail ou date (25/11/2026)</translation>
        </message>
        <message>
            <source>ui.history.search_button</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>ui.history.found</source>
            <translation>{count} commande(s) trouvée(s).</translation>
        </message>
        <message>
            <source>ui.history.column.ref</source>
            <translation>Réf.</translation>
        </message>
        <message>
            <source>ui.history.column.ordered</source>
            <translation>Commandée le</translation>
        </message>
        <message>
            <source>ui.history.column.customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>ui.history.column.carrier</source>
            <translation>Transporteur</translation>
        </message>
        <message>
            <source>ui.history.column.status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>ui.history.column.tracking</source>
            <translation>N° de suivi</translation>
        </message>
        <message>
            <source>ui.history.column.packed</source>
            <translation>Emballée le</translation>
        </message>
        <message>
            <source>ui.history.column.when</source>
            <translation>Quand</translation>
        </message>
        <message>
            <source>ui.history.column.station</source>
            <translation>Poste</translation>
        </message>
        <message>
            <source>ui.history.column.packer</source>
            <translation>Préparateur</translation>
        </message>
        <message>
            <source>ui.history.column.what</source>
            <translation>Ce qui s'est passé</translation>
        </message>
        <message>
            <source>ui.history.order_title</source>
            <translation>{ref} — {customer} — {status}</translation>
        </message>
        <message>
            <source>ui.history.action.reprint_label</source>
            <translation>Réimprimer l'étiquette</translation>
        </message>
        <message>
            <source>ui.history.action.reprint_slip</source>
            <translation>Réimprimer le bon</translation>
        </message>
        <message>
            <source>ui.history.action.unpack</source>
            <translation>Déballer…</translation>
        </message>
        <message>
            <source>ui.history.action.release</source>
            <translation>Débloquer…</translation>
        </message>
        <message>
            <source>ui.history.action.cancel</source>
            <translation>Annuler la commande…</translation>
        </message>
        <message>
            <source>ui.history.unpack.title</source>
            <translation>Déballer {ref}</translation>
        </message>
        <message>
            <source>ui.history.unpack.prompt</source>
            <translation>La commande {ref} repassera en attente et ses articles retourneront en stock. Son numéro de suivi est conservé.</translation>
        </message>
        <message>
            <source>ui.history.release.title</source>
            <translation>Débloquer {ref}</translation>
        </message>
        <message>
            <source>ui.history.release.prompt</source>
            <translation>La commande {ref} retournera dans la file d'attente.</translation>
        </message>
        <message>
            <source>ui.history.cancel.title</source>
            <translation>Annuler {ref}</translation>
        </message>
        <message>
            <source>ui.history.cancel.prompt</source>
            <translation>La commande {ref} sera annulée et ne sera pas expédiée.</translation>
        </message>
        <message>
            <source>ui.history.unpacked</source>
            <translation>Commande {ref} déballée : de nouveau en attente, stock remis.</translation>
        </message>
        <message>
            <source>ui.history.released</source>
            <translation>Commande {ref} débloquée.</translation>
        </message>
        <message>
            <source>ui.history.cancelled</source>
            <translation>Commande {ref} annulée.</translation>
        </message>
        <message>
            <source>ui.history.printed</source>
            <translation>Envoi à l'imprimante — {document} : {output}</translation>
        </message>
        <message>
            <source>ui.history.print_failed</source>
            <translation>Impression impossible — {document} : {error}</translation>
        </message>
        <message>
            <source>ui.import.title</source>
            <translation>Aperçu de l'import</translation>
        </message>
        <message>
            <source>ui.import.apply</source>
            <translation>Importer</translation>
        </message>
        <message>
            <source>ui.import.ready</source>
            <translation>Rien n'est encore importé : vérifiez l'aperçu, puis « Importer ».</translation>
        </message>
        <message>
            <source>ui.import.blocked</source>
            <translation>{count} fichier(s) refusé(s) : un fichier s'importe en entier ou pas du tout. Corrigez les lignes refusées puis importez à nouveau.</translation>
        </message>
        <message>
            <source>ui.import.reading</source>
            <translation>Lecture de {count} fichier(s)… Le poste continue de scanner pendant ce temps.</translation>
        </message>
        <message>
            <source>ui.import.read_failed</source>
            <translation>Lecture impossible : {detail}. Vérifiez le fichier, puis ouvrez de nouveau l'import.</translation>
        </message>
        <message>
            <source>ui.import.running</source>
            <translation>Import de {files} en cours… Continuez à scanner : le résultat s'affichera ici.</translation>
        </message>
        <message>
            <source>ui.import.refused_now</source>
            <translation>Rien n'a été importé de ce fichier, qui a changé depuis l'aperçu : {summary} Ouvrez de nouveau l'import pour voir les lignes refusées.</translation>
        </message>
        <message>
            <source>ui.import.file_ok</source>
            <translation>{name} ({format}) : {new} nouvelle(s), {updated} mise(s) à jour, {skipped} ignorée(s), {products} produit(s).</translation>
        </message>
        <message>
            <source>ui.import.file_rejected</source>
            <translation>{name} : {count} ligne(s) refusée(s), rien ne sera importé de ce fichier.</translation>
        </message>
        <message>
            <source>ui.import.section.new</source>
            <translation>Nouvelles ({count})</translation>
        </message>
        <message>
            <source>ui.import.section.updated</source>
            <translation>Mises à jour ({count})</translation>
        </message>
        <message>
            <source>ui.import.section.skipped</source>
            <translation>Ignorées ({count})</translation>
        </message>
        <message>
            <source>ui.import.section.rejected</source>
            <translation>Refusées ({count})</translation>
        </message>
        <message>
            <source>ui.import.column.line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>ui.import.column.order</source>
            <translation>Commande</translation>
        </message>
        <message>
            <source>ui.import.column.detail</source>
            <translation>Détail</translation>
        </message>
        <message>
            <source>ui.import.updated_detail</source>
            <translation>mise à jour (encore en attente)</translation>
        </message>
        <message>
            <source>ui.import.cancelled_detail</source>
            <translation>annulée par la boutique</translation>
        </message>
        <message>
            <source>ui.import.unchanged_detail</source>
            <translation>déjà à jour</translation>
        </message>
        <message>
            <source>ui.import.map_columns</source>
            <translation>Associer les colonnes…</translation>
        </message>
        <message>
            <source>ui.mapping.title</source>
            <translation>Colonnes de {name}</translation>
        </message>
        <message>
            <source>ui.mapping.intro</source>
            <translation>Ce fichier ({count} colonnes) n'a pas un format connu. Indiquez quelle colonne contient chaque information ; le profil sera enregistré et servira pour les prochains fichiers de la même forme.</translation>
        </message>
        <message>
            <source>ui.mapping.name</source>
            <translation>Nom du profil</translation>
        </message>
        <message>
            <source>ui.mapping.date_format</source>
            <translation>Format des dates</translation>
        </message>
        <message>
            <source>ui.mapping.date_format_placeholder</source>
            <translation>facultatif, par exemple %d/%m/%Y %H:%M</translation>
        </message>
        <message>
            <source>ui.mapping.none</source>
            <translation>(aucune)</translation>
        </message>
        <message>
            <source>ui.mapping.required</source>
            <translation>* obligatoire (la référence produit ou le code EAN au moins).</translation>
        </message>
        <message>
            <source>ui.mapping.save</source>
            <translation>Enregistrer le profil</translation>
        </message>
        <message>
            <source>ui.mapping.no_name</source>
            <translation>Donnez un nom au profil.</translation>
        </message>
        <message>
            <source>ui.mapping.description</source>
            <translation>Créé depuis {name}</translation>
        </message>
        <message>
            <source>ui.mapping.field.order_ref</source>
            <translation>Référence de commande</translation>
        </message>
        <message>
            <source>ui.mapping.field.order_date</source>
            <translation>Date de commande</translation>
        </message>
        <message>
            <source>ui.mapping.field.carrier</source>
            <translation>Transporteur / mode de livraison</translation>
        </message>
        <message>
            <source>ui.mapping.field.service</source>
            <translation>Service (standard ou express)</translation>
        </message>
        <message>
            <source>ui.mapping.field.customer_name</source>
            <translation>Nom du client (prénom + nom)</translation>
        </message>
        <message>
            <source>ui.mapping.field.company</source>
            <translation>Société</translation>
        </message>
        <message>
            <source>ui.mapping.field.address1</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>ui.mapping.field.address2</source>
            <translation>Complément d'adresse</translation>
        </message>
        <message>
            <source>ui.mapping.field.postcode</source>
            <translation>Code postal</translation>
        </message>
        <message>
            <source>ui.mapping.field.city</source>
            <translation>Ville</translation>
        </message>
        <message>
            <source>ui.mapping.field.region</source>
            <translation>Région / État</translation>
        </message>
        <message>
            <source>ui.mapping.field.country</source>
            <translation>Pays</translation>
        </message>
        <message>
            <source>ui.mapping.field.phone</source>
            <translation>Téléphone</translation>
        </message>
        <message>
            <source>ui.mapping.field.email</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>ui.mapping.field.sku</source>
            <translation>Référence produit (SKU)</translation>
        </message>
        <message>
            <source>ui.mapping.field.ean</source>
            <translation>Code-barres EAN</translation>
        </message>
        <message>
            <source>ui.mapping.field.product_name</source>
            <translation>Nom du produit</translation>
        </message>
        <message>
            <source>ui.mapping.field.quantity</source>
            <translation>Quantité</translation>
        </message>
        <message>
            <source>ui.mapping.field.unit_price</source>
            <translation>Prix unitaire</translation>
        </message>
        <message>
            <source>ui.mapping.field.currency</source>
            <translation>Devise</translation>
        </message>
        <message>
            <source>ui.mapping.field.weight_g</source>
            <translation>Poids (g)</translation>
        </message>
        <message>
            <source>ui.mapping.field.bin</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>ui.mapping.field.note</source>
            <translation>Note du client</translation>
        </message>
        <message>
            <source>ui.mapping.field.risk</source>
            <translation>Niveau de risque</translation>
        </message>
        <message>
            <source>ui.mapping.field.tracking</source>
            <translation>Numéro de suivi</translation>
        </message>
        <message>
            <source>ui.mapping.field.external_id</source>
            <translation>Identifiant dans la boutique</translation>
        </message>
        <message>
            <source>ui.mapping.field.billing_country</source>
            <translation>Pays de facturation</translation>
        </message>
        <message>
            <source>ui.mapping.field.total</source>
            <translation>Montant total</translation>
        </message>
        <message>
            <source>ui.mapping.field.status</source>
            <translation>Statut de la commande</translation>
        </message>
        <message>
            <source>ui.mapping.field.requires_shipping</source>
            <translation>À expédier (oui/non)</translation>
        </message>
        <message>
            <source>ui.mapping.field.payment</source>
            <translation>Paiement (payé, en attente, contre-remboursement)</translation>
        </message>
        <message>
            <source>ui.mapping.field.delivery</source>
            <translation>Mode de livraison (retrait en magasin, livraison locale)</translation>
        </message>
        <message>
            <source>ui.mapping.field.pickup_point</source>
            <translation>Point relais choisi</translation>
        </message>
        <message>
            <source>ui.mapping.field.hs_code</source>
            <translation>Code SH (douane)</translation>
        </message>
        <message>
            <source>ui.mapping.field.origin_country</source>
            <translation>Pays d'origine (douane)</translation>
        </message>
        <message>
            <source>ui.eod.title</source>
            <translation>Fin de journée — bordereaux</translation>
        </message>
        <message>
            <source>ui.eod.intro</source>
            <translation>Colis emballés qui attendent leur transporteur. Imprimez le bordereau, faites-le signer, puis confirmez la remise : les commandes passent à « expédiée ».</translation>
        </message>
        <message>
            <source>ui.eod.column.carrier</source>
            <translation>Transporteur</translation>
        </message>
        <message>
            <source>ui.eod.column.parcels</source>
            <translation>Colis</translation>
        </message>
        <message>
            <source>ui.eod.column.weight</source>
            <translation>Poids total</translation>
        </message>
        <message>
            <source>ui.eod.print</source>
            <translation>Imprimer le bordereau</translation>
        </message>
        <message>
            <source>ui.eod.hand_over</source>
            <translation>Confirmer la remise…</translation>
        </message>
        <message>
            <source>ui.eod.nothing</source>
            <translation>Aucun colis en attente d'enlèvement.</translation>
        </message>
        <message>
            <source>ui.eod.printed</source>
            <translation>Bordereau envoyé : {output}</translation>
        </message>
        <message>
            <source>ui.eod.print_failed</source>
            <translation>Bordereau non imprimé : {error}</translation>
        </message>
        <message>
            <source>ui.eod.confirm_title</source>
            <translation>Remise au transporteur</translation>
        </message>
        <message>
            <source>ui.eod.confirm</source>
            <translation>Confirmer que {carrier} a pris les {count} colis ? Ils seront marqués expédiés.</translation>
        </message>
        <message>
            <source>ui.eod.handed_over</source>
            <translation>{count} colis remis à {carrier}.</translation>
        </message>
        <message>
            <source>ui.menu.file</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>ui.menu.shop</source>
            <translation>&amp;Boutique</translation>
        </message>
        <message>
            <source>ui.menu.history</source>
            <translation>&amp;Historique</translation>
        </message>
        <message>
            <source>ui.menu.statistics</source>
            <translation>&amp;Statistiques</translation>
        </message>
        <message>
            <source>ui.menu.end_of_day</source>
            <translation>Fin de &amp;journée</translation>
        </message>
        <message>
            <source>ui.menu.help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>ui.menu.action.import</source>
            <translation>Importer des commandes…</translation>
        </message>
        <message>
            <source>ui.menu.action.export_tracking</source>
            <translation>Exporter les suivis…</translation>
        </message>
        <message>
            <source>ui.menu.action.quit</source>
            <translation>Quitter</translation>
        </message>
        <message>
            <source>ui.menu.action.settings</source>
            <translation>Réglages…</translation>
        </message>
        <message>
            <source>ui.menu.action.carriers</source>
            <translation>Transporteurs…</translation>
        </message>
        <message>
            <source>ui.menu.action.history</source>
            <translation>Rechercher une commande…</translation>
        </message>
        <message>
            <source>ui.menu.action.statistics</source>
            <translation>Voir les statistiques…</translation>
        </message>
        <message>
            <source>ui.menu.action.end_of_day</source>
            <translation>Bordereaux et remise au transporteur…</translation>
        </message>
        <message>
            <source>ui.menu.action.command_sheet</source>
            <translation>Imprimer les codes de commande…</translation>
        </message>
        <message>
            <source>ui.import.filter</source>
            <translation>Fichiers de commandes (*.csv *.txt)</translation>
        </message>
        <message>
            <source>ui.settings.saved</source>
            <translation>Réglages enregistrés.</translation>
        </message>
        <message>
            <source>ui.tracking.title</source>
            <translation>Exporter les numéros de suivi</translation>
        </message>
        <message>
            <source>ui.tracking.format</source>
            <translation>Format de la boutique</translation>
        </message>
        <message>
            <source>ui.tracking.format.shopify</source>
            <translation>Shopify (Matrixify)</translation>
        </message>
        <message>
            <source>ui.tracking.format.woocommerce</source>
            <translation>WooCommerce (Advanced Shipment Tracking)</translation>
        </message>
        <message>
            <source>ui.tracking.format.generic</source>
            <translation>CSV générique</translation>
        </message>
        <message>
            <source>ui.tracking.since</source>
            <translation>Seulement les colis emballés depuis le</translation>
        </message>
        <message>
            <source>ui.tracking.file</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>ui.tracking.file_placeholder</source>
            <translation>où enregistrer le CSV</translation>
        </message>
        <message>
            <source>ui.tracking.export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>ui.tracking.no_file</source>
            <translation>Choisissez le fichier à écrire.</translation>
        </message>
        <message>
            <source>ui.tracking.done</source>
            <translation>{count} numéro(s) de suivi exporté(s) dans {path}.</translation>
        </message>
        <message>
            <source>ui.settings.title</source>
            <translation>Réglages</translation>
        </message>
        <message>
            <source>ui.settings.tab.shop</source>
            <translation>Boutique</translation>
        </message>
        <message>
            <source>ui.settings.tab.carriers</source>
            <translation>Transporteurs</translation>
        </message>
        <message>
            <source>ui.settings.tab.holds</source>
            <translation>Anti-fraude</translation>
        </message>
        <message>
            <source>ui.settings.tab.station</source>
            <translation>Ce poste</translation>
        </message>
        <message>
            <source>ui.settings.not_saved</source>
            <translation>Rien n'a été enregistré : corrigez les valeurs refusées ({tabs}).</translation>
        </message>
        <message>
            <source>ui.settings.logo</source>
            <translation>Logo (PNG ou JPEG)</translation>
        </message>
        <message>
            <source>ui.settings.logo_placeholder</source>
            <translation>Aucun logo</translation>
        </message>
        <message>
            <source>ui.settings.logo_filter</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>ui.settings.returns_placeholder</source>
            <translation>Imprimées au bas du bon de livraison</translation>
        </message>
        <message>
            <source>ui.settings.document_language</source>
            <translation>Langue des documents</translation>
        </message>
        <message>
            <source>ui.settings.language.fr</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>ui.settings.language.en</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>ui.settings.error.shop_name</source>
            <translation>Le nom de la boutique est obligatoire.</translation>
        </message>
        <message>
            <source>ui.settings.error.country</source>
            <translation>Pays « {value} » refusé : indiquez son code ISO à deux lettres, par exemple FR.</translation>
        </message>
        <message>
            <source>ui.settings.error.email</source>
            <translation>Adresse e-mail « {value} » incomplète : il manque le @.</translation>
        </message>
        <message>
            <source>ui.settings.error.logo_missing</source>
            <translation>Fichier de logo introuvable : {path}.</translation>
        </message>
        <message>
            <source>ui.settings.error.logo_type</source>
            <translation>Le logo {path} doit être une image PNG ou JPEG.</translation>
        </message>
        <message>
            <source>ui.settings.carriers_help</source>
            <translation>Les transporteurs qui enlèvent les colis : choisissez-en un à gauche et réglez ses jours et heures d'enlèvement, ses jours fériés et fermés, et les modes de livraison de la boutique qui le désignent.</translation>
        </message>
        <message>
            <source>ui.settings.error.no_carrier</source>
            <translation>Déclarez au moins un transporteur.</translation>
        </message>
        <message>
            <source>ui.settings.holds.risk</source>
            <translation>Bloquer les niveaux de risque</translation>
        </message>
        <message>
            <source>ui.settings.holds.risk_placeholder</source>
            <translation>par exemple : high, medium</translation>
        </message>
        <message>
            <source>ui.settings.holds.country</source>
            <translation>Bloquer si le pays de facturation diffère du pays de livraison</translation>
        </message>
        <message>
            <source>ui.settings.holds.first_express</source>
            <translation>Bloquer la première commande d'un client en express (un client sans commande antérieure dans l'historique de Packstation)</translation>
        </message>
        <message>
            <source>ui.settings.holds.awaiting_payment</source>
            <translation>Bloquer les commandes en attente de paiement (jamais le paiement à la livraison)</translation>
        </message>
        <message>
            <source>ui.settings.holds.total</source>
            <translation>Bloquer au-dessus du montant (commandes en EUR)</translation>
        </message>
        <message>
            <source>ui.settings.holds.total_placeholder</source>
            <translation>vide : pas de limite</translation>
        </message>
        <message>
            <source>ui.settings.holds.deny_emails</source>
            <translation>E-mails refusés</translation>
        </message>
        <message>
            <source>ui.settings.holds.deny_addresses</source>
            <translation>Adresses refusées</translation>
        </message>
        <message>
            <source>ui.settings.holds.one_per_line</source>
            <translation>Une par ligne</translation>
        </message>
        <message>
            <source>ui.settings.station.general</source>
            <translation>Poste de travail</translation>
        </message>
        <message>
            <source>ui.settings.station.name</source>
            <translation>Nom du poste</translation>
        </message>
        <message>
            <source>ui.settings.station.ask_weight</source>
            <translation>Demander le poids de chaque colis</translation>
        </message>
        <message>
            <source>ui.settings.station.packaging</source>
            <translation>Poids de l'emballage</translation>
        </message>
        <message>
            <source>ui.settings.station.open_next</source>
            <translation>Ouvrir la commande suivante automatiquement</translation>
        </message>
        <message>
            <source>ui.settings.station.sounds</source>
            <translation>Sons</translation>
        </message>
        <message>
            <source>ui.settings.station.inbox</source>
            <translation>Dossier de dépôt des imports</translation>
        </message>
        <message>
            <source>ui.settings.station.inbox_none</source>
            <translation>Aucun : pas d'import automatique</translation>
        </message>
        <message>
            <source>ui.settings.station.printing</source>
            <translation>Impression</translation>
        </message>
        <message>
            <source>ui.settings.station.label_layout</source>
            <translation>Format des étiquettes</translation>
        </message>
        <message>
            <source>ui.settings.station.output_dir</source>
            <translation>Dossier des PDF</translation>
        </message>
        <message>
            <source>ui.settings.station.output_default</source>
            <translation>Par défaut : Documents/Packstation/&lt;date&gt;</translation>
        </message>
        <message>
            <source>ui.settings.station.column.document</source>
            <translation>Type de document</translation>
        </message>
        <message>
            <source>ui.settings.station.column.destination</source>
            <translation>Imprimante</translation>
        </message>
        <message>
            <source>ui.settings.station.column.media</source>
            <translation>Papier</translation>
        </message>
        <message>
            <source>ui.settings.station.column.folder</source>
            <translation>Dossier (sans imprimante)</translation>
        </message>
        <message>
            <source>ui.settings.station.to_folder</source>
            <translation>Dossier de PDF</translation>
        </message>
        <message>
            <source>ui.settings.station.media_default</source>
            <translation>papier par défaut</translation>
        </message>
        <message>
            <source>ui.settings.station.folder_default</source>
            <translation>le dossier des PDF</translation>
        </message>
        <message>
            <source>ui.settings.station.no_cups</source>
            <translation>Imprimantes du système indisponibles : {reason}</translation>
        </message>
        <message>
            <source>ui.settings.layout.100x150</source>
            <translation>Étiquette 100 × 150 mm</translation>
        </message>
        <message>
            <source>ui.settings.layout.4x6</source>
            <translation>Étiquette 4 × 6 pouces</translation>
        </message>
        <message>
            <source>ui.settings.layout.a6</source>
            <translation>Feuille A6</translation>
        </message>
        <message>
            <source>ui.settings.layout.a4x2</source>
            <translation>A4, 2 étiquettes par page</translation>
        </message>
        <message>
            <source>ui.settings.layout.a4x4</source>
            <translation>A4, 4 étiquettes par page</translation>
        </message>
        <message>
            <source>ui.stats.title</source>
            <translation>Statistiques</translation>
        </message>
        <message>
            <source>ui.stats.period</source>
            <translation>Période :</translation>
        </message>
        <message>
            <source>ui.stats.today</source>
            <translation>Aujourd'hui</translation>
        </message>
        <message>
            <source>ui.stats.week</source>
            <translation>7 derniers jours</translation>
        </message>
        <message>
            <source>ui.stats.from_to</source>
            <translation>du {first} au {last}</translation>
        </message>
        <message>
            <source>ui.stats.export</source>
            <translation>Exporter en CSV…</translation>
        </message>
        <message>
            <source>ui.stats.csv_filter</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <source>ui.stats.exported</source>
            <translation>Statistiques exportées : {path}</translation>
        </message>
        <message>
            <source>ui.stats.figure.parcels</source>
            <translation>Colis emballés</translation>
        </message>
        <message>
            <source>ui.stats.figure.median</source>
            <translation>Temps médian par colis</translation>
        </message>
        <message>
            <source>ui.stats.figure.mistakes</source>
            <translation>Erreurs évitées au scan</translation>
        </message>
        <message>
            <source>ui.stats.column.packer</source>
            <translation>Préparateur</translation>
        </message>
        <message>
            <source>ui.stats.column.hour</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>ui.stats.column.day</source>
            <translation>Jour</translation>
        </message>
        <message>
            <source>ui.stats.column.parcels</source>
            <translation>Colis</translation>
        </message>
        <message>
            <source>ui.stats.column.median</source>
            <translation>Temps médian</translation>
        </message>
        <message>
            <source>ui.stats.column.mistakes</source>
            <translation>Erreurs évitées</translation>
        </message>
        <message>
            <source>ui.stats.per_packer</source>
            <translation>Par préparateur</translation>
        </message>
        <message>
            <source>ui.stats.per_hour</source>
            <translation>Par heure</translation>
        </message>
        <message>
            <source>ui.stats.per_day</source>
            <translation>Par jour</translation>
        </message>
        <message>
            <source>ui.stats.chart.hour</source>
            <translation>Colis et erreurs par heure</translation>
        </message>
        <message>
            <source>ui.stats.chart.day</source>
            <translation>Colis et erreurs par jour</translation>
        </message>
        <message>
            <source>ui.stats.legend.parcels</source>
            <translation>colis</translation>
        </message>
        <message>
            <source>ui.stats.legend.mistakes</source>
            <translation>erreurs évitées</translation>
        </message>
        <message>
            <source>ui.stats.no_data</source>
            <translation>Aucun colis sur cette période.</translation>
        </message>
        <message>
            <source>ui.banner.title</source>
            <translation>{carrier} — {when}</translation>
        </message>
        <message>
            <source>ui.banner.loading</source>
            <translation>Calcul des passages transporteurs…</translation>
        </message>
        <message>
            <source>ui.banner.no_carrier</source>
            <translation>Aucun transporteur configuré.</translation>
        </message>
        <message>
            <source>ui.standard</source>
            <translation>standard</translation>
        </message>
        <message>
            <source>ui.lines.product</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>ui.lines.bin</source>
            <translation>Emplacement</translation>
        </message>
        <message>
            <source>ui.lines.count</source>
            <translation>Vérifiés</translation>
        </message>
        <message>
            <source>ui.lines.no_barcode</source>
            <translation>(sans code-barres : F3)</translation>
        </message>
        <message>
            <source>ui.order.idle</source>
            <translation>Scannez le bon d'une commande, ou appuyez sur F2 pour la suivante.</translation>
        </message>
        <message>
            <source>ui.order.note</source>
            <translation>Note du client : {note}</translation>
        </message>
        <message>
            <source>ui.order.awaiting_payment</source>
            <translation>En attente de paiement</translation>
        </message>
        <message>
            <source>ui.express</source>
            <translation>express</translation>
        </message>
        <message>
            <source>ui.queue.column.ref</source>
            <translation>Commande</translation>
        </message>
        <message>
            <source>ui.queue.column.customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <source>ui.queue.column.carrier</source>
            <translation>Transporteur</translation>
        </message>
        <message>
            <source>ui.queue.column.items</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>ui.queue.column.ordered</source>
            <translation>Passée le</translation>
        </message>
        <message>
            <source>ui.queue.column.state</source>
            <translation>État</translation>
        </message>
        <message>
            <source>ui.queue.state.ready</source>
            <translation>prête</translation>
        </message>
        <message>
            <source>ui.queue.state.short</source>
            <translation>stock insuffisant</translation>
        </message>
        <message>
            <source>ui.queue.state.on_hold</source>
            <translation>bloquée : {reason}</translation>
        </message>
        <message>
            <source>ui.queue.state.packing</source>
            <translation>en cours sur {station}</translation>
        </message>
        <message>
            <source>ui.queue.mark.awaiting_payment</source>
            <translation>en attente de paiement</translation>
        </message>
        <message>
            <source>ui.queue.filter.all</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <source>ui.queue.filter.ready</source>
            <translation>Prêtes</translation>
        </message>
        <message>
            <source>ui.queue.filter.short</source>
            <translation>Stock insuffisant</translation>
        </message>
        <message>
            <source>ui.queue.filter.on_hold</source>
            <translation>Bloquées</translation>
        </message>
        <message>
            <source>ui.queue.filter.packing</source>
            <translation>En cours sur une table</translation>
        </message>
        <message>
            <source>ui.sound.no_audio</source>
            <translation>Pas de sortie audio : la station reste silencieuse.</translation>
        </message>
        <message>
            <source>ui.sound.disabled</source>
            <translation>Sons désactivés dans la configuration.</translation>
        </message>
        <message>
            <source>ui.sound.no_files</source>
            <translation>Sons indisponibles ({reason}) : la station reste silencieuse.</translation>
        </message>
        <message>
            <source>ui.window.title</source>
            <translation>Packstation — {station}</translation>
        </message>
        <message>
            <source>ui.settings.missing</source>
            <translation>L'adresse de la boutique n'est pas renseignée : elle manquera comme expéditeur sur les étiquettes.</translation>
        </message>
        <message>
            <source>ui.settings.fill</source>
            <translation>Renseigner l'adresse…</translation>
        </message>
        <message>
            <source>ui.queue.title</source>
            <translation>File d'attente — {count} commande(s)</translation>
        </message>
        <message>
            <source>ui.queue.search</source>
            <translation>Rechercher (Ctrl+F)</translation>
        </message>
        <message>
            <source>ui.queue.all_carriers</source>
            <translation>Tous les transporteurs</translation>
        </message>
        <message>
            <source>ui.answer.ready</source>
            <translation>Prêt : scannez votre badge, puis le bon d'une commande.</translation>
        </message>
        <message>
            <source>ui.headline.ok</source>
            <translation>✔ OK</translation>
        </message>
        <message>
            <source>ui.headline.complete</source>
            <translation>Colis prêt</translation>
        </message>
        <message>
            <source>ui.headline.error</source>
            <translation>✖ Attention</translation>
        </message>
        <message>
            <source>ui.headline.warning</source>
            <translation>En attente</translation>
        </message>
        <message>
            <source>ui.weight.prompt</source>
            <translation>Poids pesé puis Entrée — ou Entrée/F4 seuls : {weight} g calculés</translation>
        </message>
        <message>
            <source>ui.weight.ok</source>
            <translation>Valider le poids</translation>
        </message>
        <message>
            <source>ui.scan.label</source>
            <translation>Scan :</translation>
        </message>
        <message>
            <source>ui.scan.placeholder</source>
            <translation>Code tapé puis Entrée · quantité : 23* puis scan</translation>
        </message>
        <message>
            <source>ui.action.barcode</source>
            <translation>code-barres {code}</translation>
        </message>
        <message>
            <source>ui.action.next</source>
            <translation>Commande suivante</translation>
        </message>
        <message>
            <source>ui.action.next.short</source>
            <translation>Suivante</translation>
        </message>
        <message>
            <source>ui.action.confirm</source>
            <translation>Valider un article sans code-barres</translation>
        </message>
        <message>
            <source>ui.action.confirm.short</source>
            <translation>Sans code</translation>
        </message>
        <message>
            <source>ui.action.weight</source>
            <translation>Poids du colis</translation>
        </message>
        <message>
            <source>ui.action.weight.short</source>
            <translation>Poids</translation>
        </message>
        <message>
            <source>ui.action.reprint_label</source>
            <translation>Réimprimer l'étiquette</translation>
        </message>
        <message>
            <source>ui.action.reprint_label.short</source>
            <translation>Étiquette</translation>
        </message>
        <message>
            <source>ui.action.reprint_slip</source>
            <translation>Réimprimer le bon de livraison</translation>
        </message>
        <message>
            <source>ui.action.reprint_slip.short</source>
            <translation>Bon</translation>
        </message>
        <message>
            <source>ui.action.packer</source>
            <translation>Préparateur (connexion, déconnexion)</translation>
        </message>
        <message>
            <source>ui.action.packer.short</source>
            <translation>Préparateur</translation>
        </message>
        <message>
            <source>ui.action.abandon</source>
            <translation>Abandonner la commande</translation>
        </message>
        <message>
            <source>ui.action.abandon.short</source>
            <translation>Abandonner</translation>
        </message>
        <message>
            <source>ui.action.parcel</source>
            <translation>Fermer le colis, continuer dans un autre</translation>
        </message>
        <message>
            <source>ui.action.retry_prints</source>
            <translation>Relancer les impressions en échec</translation>
        </message>
        <message>
            <source>ui.action.search</source>
            <translation>Rechercher dans la file</translation>
        </message>
        <message>
            <source>ui.action.scan_field</source>
            <translation>Aller au champ de scan</translation>
        </message>
        <message>
            <source>ui.action.refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>ui.action.shop_settings</source>
            <translation>Adresse de la boutique</translation>
        </message>
        <message>
            <source>ui.status.station</source>
            <translation>Table : {station}</translation>
        </message>
        <message>
            <source>ui.status.packer</source>
            <translation>Préparateur : {packer}</translation>
        </message>
        <message>
            <source>ui.status.no_packer</source>
            <translation>Aucun préparateur (scannez votre badge ou F7)</translation>
        </message>
        <message>
            <source>ui.status.printers</source>
            <translation>Étiquettes : {label} · Bons : {slip}</translation>
        </message>
        <message>
            <source>ui.status.prints_ok</source>
            <translation>Impressions : {waiting} en cours</translation>
        </message>
        <message>
            <source>ui.status.labels_waiting</source>
            <translation>{count} étiquette(s) en attente du transporteur</translation>
        </message>
        <message>
            <source>ui.status.prints_failed</source>
            <translation>{count} impression(s) en échec</translation>
        </message>
        <message>
            <source>ui.status.retry</source>
            <translation>Relancer les impressions (F9)</translation>
        </message>
        <message>
            <source>ui.status.retried</source>
            <translation>{count} impression(s) relancée(s), {failed} encore en échec.</translation>
        </message>
        <message>
            <source>ui.status.retrying</source>
            <translation>{count} impression(s) relancée(s) : elles partent dans l'ordre, sans bloquer les scans.</translation>
        </message>
        <message>
            <source>ui.status.print_failed_now</source>
            <translation>Impression en échec : {error}</translation>
        </message>
        <message>
            <source>ui.db.lost</source>
            <translation>Connexion à la base de données perdue — nouvel essai toutes les secondes. Les scans sont refusés jusqu'à son retour : rien n'est perdu.</translation>
        </message>
        <message>
            <source>ui.banner.refresh_failed</source>
            <translation>Le décompte n'a pas pu être recalculé (base de données indisponible) : nouvel essai bientôt.</translation>
        </message>
        <message>
            <source>ui.crash.title</source>
            <translation>Erreur inattendue</translation>
        </message>
        <message>
            <source>ui.crash.text</source>
            <translation>Une erreur inattendue s'est produite ; le poste continue. Le détail est dans le journal : {log}</translation>
        </message>
        <message>
            <source>ui.db.back</source>
            <translation>Connexion à la base de données rétablie.</translation>
        </message>
        <message>
            <source>ui.tables.taken_from_us</source>
            <translation>La commande {ref} a été reprise par une autre table.</translation>
        </message>
        <message>
            <source>ui.tables.take_over_title</source>
            <translation>Reprendre la commande ?</translation>
        </message>
        <message>
            <source>ui.tables.take_over_question</source>
            <translation>La commande {ref} est en préparation à {station}, qui ne donne plus signe de vie depuis {idle}. La reprendre ici, avec les articles déjà vérifiés ?</translation>
        </message>
        <message>
            <source>ui.stock.ship_title</source>
            <translation>Expédier ce qui est là ?</translation>
        </message>
        <message>
            <source>ui.stock.ship_question</source>
            <translation>{why}

Expédier maintenant ce que le stock couvre ? Le reste deviendra un reliquat qui restera dans la file.</translation>
        </message>
        <message>
            <source>ui.menu.print</source>
            <translation>&amp;Impression</translation>
        </message>
        <message>
            <source>ui.menu.action.pick_list</source>
            <translation>Liste de préparation des prochaines commandes</translation>
        </message>
        <message>
            <source>ui.menu.action.product_labels</source>
            <translation>Étiquettes des produits sans code-barres</translation>
        </message>
        <message>
            <source>ui.menu.document.picklist</source>
            <translation>Liste de préparation</translation>
        </message>
        <message>
            <source>ui.menu.document.product_labels</source>
            <translation>Étiquettes produits</translation>
        </message>
        <message>
            <source>ui.menu.document.commands</source>
            <translation>Feuille des codes de commande</translation>
        </message>
        <message>
            <source>ui.menu.print_sent</source>
            <translation>Imprimé — {document} : {output}</translation>
        </message>
        <message>
            <source>ui.menu.print_failed</source>
            <translation>Impression impossible — {document} : {error}</translation>
        </message>
        <message>
            <source>ui.menu.nothing_to_pick</source>
            <translation>Aucune commande prête : pas de liste de préparation à imprimer.</translation>
        </message>
        <message>
            <source>ui.menu.no_product_without_code</source>
            <translation>Tous les produits ont déjà un code-barres.</translation>
        </message>
    </context>
</TS>
