<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>packstation</name>
        <message>
            <source>ui.cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>ui.save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>ui.scan.dialog_open</source>
            <translation>Scan {code} refused: the “{title}” window is open. Finish or close it (Esc), then scan again.</translation>
        </message>
        <message>
            <source>ui.settings.station.require_packer</source>
            <translation>Ask for a packer (badge) before the first order</translation>
        </message>
        <message>
            <source>ui.quit.title</source>
            <translation>Quit Packstation?</translation>
        </message>
        <message>
            <source>ui.quit.question</source>
            <translation>Order {ref} is open at this table. Quit anyway? It stays reserved to this table and resumes at the next start.</translation>
        </message>
        <message>
            <source>ui.banner.next_title</source>
            <translation>{carrier} — next pickup</translation>
        </message>
        <message>
            <source>ui.settings.tab.packers</source>
            <translation>Packers</translation>
        </message>
        <message>
            <source>ui.settings.packers.intro</source>
            <translation>The shop's packers and their badges. Each change applies at once.</translation>
        </message>
        <message>
            <source>ui.settings.packers.name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>ui.settings.packers.badge</source>
            <translation>Badge code</translation>
        </message>
        <message>
            <source>ui.settings.packers.state</source>
            <translation>State</translation>
        </message>
        <message>
            <source>ui.settings.packers.badge_placeholder</source>
            <translation>Badge code (optional)</translation>
        </message>
        <message>
            <source>ui.settings.packers.add</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>ui.settings.packers.rename</source>
            <translation>Rename the chosen row</translation>
        </message>
        <message>
            <source>ui.settings.packers.retire</source>
            <translation>Retire the chosen row</translation>
        </message>
        <message>
            <source>ui.settings.packers.print</source>
            <translation>Print the badge cards</translation>
        </message>
        <message>
            <source>ui.settings.packers.cards</source>
            <translation>Packers' badge cards</translation>
        </message>
        <message>
            <source>ui.settings.packers.active</source>
            <translation>active</translation>
        </message>
        <message>
            <source>ui.settings.packers.retired</source>
            <translation>retired</translation>
        </message>
        <message>
            <source>ui.settings.packers.choose</source>
            <translation>Choose a packer in the list first.</translation>
        </message>
        <message>
            <source>ui.settings.carrier.name</source>
            <translation>Name shown</translation>
        </message>
        <message>
            <source>ui.settings.carrier.pickups</source>
            <translation>Pickup times (one or more a day: 12:00, 17:00; empty: no pickup)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.holidays</source>
            <translation>Public holidays of the country (code, empty: none)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.subdivision</source>
            <translation>Holiday region (optional, e.g. 57)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.closed</source>
            <translation>Closed days (YYYY-MM-DD, comma-separated)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.extra</source>
            <translation>Extra pickups (date and time)</translation>
        </message>
        <message>
            <source>ui.settings.carrier.match</source>
            <translation>The shop's shipping methods for this carrier</translation>
        </message>
        <message>
            <source>ui.settings.carrier.express</source>
            <translation>Services counted as express</translation>
        </message>
        <message>
            <source>ui.settings.carrier.max_weight</source>
            <translation>Heaviest parcel accepted</translation>
        </message>
        <message>
            <source>ui.settings.carrier.label_account</source>
            <translation>The carrier's label account</translation>
        </message>
        <message>
            <source>ui.settings.label.provider</source>
            <translation>Label service</translation>
        </message>
        <message>
            <source>ui.settings.label.provider.own</source>
            <translation>The station's own label (no tracking number)</translation>
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
            <translation>The station prints its own label, with no tracking number: for hand deliveries and carriers that accept the shipper's labels.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.colissimo</source>
            <translation>Ask La Poste (your Colissimo business contact, or the “Colissimo Box” space) for access to the label web service SLS for your contract: the contract number and its web-service password.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.sendcloud</source>
            <translation>For shops without their own carrier contract: in the Sendcloud panel, Settings &gt; Integrations, create an “API” integration; it gives a public key and a secret key.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.mondial_relay</source>
            <translation>Ask Mondial Relay for a web-service account: the enseigne code (for instance BDTEST13 on their test account) and its private key. PDF labels only.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.chronopost</source>
            <translation>Ask your Chronopost sales contact for access to the web services (ShippingServiceWS) for your account: the account number (8 digits) and its password.</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.dpd</source>
            <translation>Ask DPD France for access to its label web service (eprintwebservice, “Web Service étiquettes”): the login (userid), its password, and your customer account as country/center/number (for instance 250/77/12345).</translation>
        </message>
        <message>
            <source>ui.settings.label.ask.gls</source>
            <translation>Ask GLS France for a ShipIT (web API) access: the user, its password and your ContactID; the service address is the one GLS gives you, ending in /backend.</translation>
        </message>
        <message>
            <source>ui.settings.label.url</source>
            <translation>Service address</translation>
        </message>
        <message>
            <source>ui.settings.label.url_default</source>
            <translation>Empty: the production service, {url}</translation>
        </message>
        <message>
            <source>ui.settings.label.login.contract</source>
            <translation>Contract number</translation>
        </message>
        <message>
            <source>ui.settings.label.login.public_key</source>
            <translation>Public key</translation>
        </message>
        <message>
            <source>ui.settings.label.login.enseigne</source>
            <translation>Brand code (enseigne)</translation>
        </message>
        <message>
            <source>ui.settings.label.login.account_number</source>
            <translation>Account number</translation>
        </message>
        <message>
            <source>ui.settings.label.login.user</source>
            <translation>User</translation>
        </message>
        <message>
            <source>ui.settings.label.login.login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>ui.settings.label.customer.customer</source>
            <translation>DPD customer account</translation>
        </message>
        <message>
            <source>ui.settings.label.customer.contact_id</source>
            <translation>Contact ID (ContactID)</translation>
        </message>
        <message>
            <source>ui.settings.label.customer_placeholder.customer</source>
            <translation>country/center/number, for example 250/77/12345</translation>
        </message>
        <message>
            <source>ui.settings.label.customer_placeholder.contact_id</source>
            <translation>Given by GLS with the ShipIT access</translation>
        </message>
        <message>
            <source>ui.settings.label.secret.password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>ui.settings.label.secret.secret_key</source>
            <translation>Secret key</translation>
        </message>
        <message>
            <source>ui.settings.label.secret.private_key</source>
            <translation>Private key</translation>
        </message>
        <message>
            <source>ui.settings.label.secret_mode.env</source>
            <translation>Environment variable</translation>
        </message>
        <message>
            <source>ui.settings.label.secret_mode.keyring</source>
            <translation>System keyring</translation>
        </message>
        <message>
            <source>ui.settings.label.env_placeholder</source>
            <translation>Variable name, for example COLISSIMO_PASSWORD</translation>
        </message>
        <message>
            <source>ui.settings.label.env_note</source>
            <translation>The secret is read from this variable when a label is asked; the station file keeps only its name (env:NAME).</translation>
        </message>
        <message>
            <source>ui.settings.label.keyring_note</source>
            <translation>Type the secret once: it is kept in the system keyring when saved; the station file keeps only its reference (keyring:packstation/…).</translation>
        </message>
        <message>
            <source>ui.settings.label.keyring_kept</source>
            <translation>Already in the keyring ({reference}): leave empty to keep it, type a new one to replace it.</translation>
        </message>
        <message>
            <source>ui.settings.label.keyring_placeholder</source>
            <translation>Secret (never shown)</translation>
        </message>
        <message>
            <source>ui.settings.label.no_keyring</source>
            <translation>No system keyring is available on this computer: the secret cannot be kept there. Choose “Environment variable”.</translation>
        </message>
        <message>
            <source>ui.settings.label.format</source>
            <translation>Label format</translation>
        </message>
        <message>
            <source>ui.settings.label.format.pdf_203</source>
            <translation>PDF 10x15</translation>
        </message>
        <message>
            <source>ui.settings.label.format.zpl_203</source>
            <translation>ZPL 203 dpi (thermal printer)</translation>
        </message>
        <message>
            <source>ui.settings.label.format.zpl_300</source>
            <translation>ZPL 300 dpi (thermal printer)</translation>
        </message>
        <message>
            <source>ui.import.format.generic</source>
            <translation>Packstation CSV</translation>
        </message>
        <message>
            <source>ui.import.format.unknown</source>
            <translation>unknown format</translation>
        </message>
        <message>
            <source>ui.abandon.title</source>
            <translation>Abandon {ref}</translation>
        </message>
        <message>
            <source>ui.abandon.prompt</source>
            <translation>Why abandon order {ref}? Choose or type a reason, or scan a reason code from the command sheet. The items will have to be put back.</translation>
        </message>
        <message>
            <source>ui.abandon.ok</source>
            <translation>Abandon</translation>
        </message>
        <message>
            <source>ui.packer.title</source>
            <translation>Packer</translation>
        </message>
        <message>
            <source>ui.packer.prompt</source>
            <translation>Your name (or scan your badge). Leave empty to log out.</translation>
        </message>
        <message>
            <source>ui.shop.title</source>
            <translation>Shop address</translation>
        </message>
        <message>
            <source>ui.shop.name</source>
            <translation>Shop name</translation>
        </message>
        <message>
            <source>ui.shop.address1</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>ui.shop.address2</source>
            <translation>Address line 2</translation>
        </message>
        <message>
            <source>ui.shop.postcode</source>
            <translation>Postcode</translation>
        </message>
        <message>
            <source>ui.shop.city</source>
            <translation>City</translation>
        </message>
        <message>
            <source>ui.shop.country</source>
            <translation>Country (ISO code, e.g. FR)</translation>
        </message>
        <message>
            <source>ui.shop.phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>ui.shop.email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>ui.shop.return_instructions</source>
            <translation>Return instructions</translation>
        </message>
        <message>
            <source>ui.bo.browse</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>ui.bo.choose_folder</source>
            <translation>Choose a folder</translation>
        </message>
        <message>
            <source>ui.bo.error_title</source>
            <translation>Not possible</translation>
        </message>
        <message>
            <source>ui.bo.yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>ui.bo.no</source>
            <translation>No</translation>
        </message>
        <message>
            <source>ui.bo.ok</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>ui.bo.close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>ui.bo.reason</source>
            <translation>Reason:</translation>
        </message>
        <message>
            <source>ui.bo.reason_placeholder</source>
            <translation>Why? (kept in the history)</translation>
        </message>
        <message>
            <source>ui.bo.name</source>
            <translation>Your name:</translation>
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
            <translation>Order history</translation>
        </message>
        <message>
            <source>ui.history.search</source>
            <translation>Ref, name, tracking number, e-mail or date (2026-11-25)</translation>
        </message>
        <message>
            <source>ui.history.search_button</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>ui.history.found</source>
            <translation>{count} order(s) found.</translation>
        </message>
        <message>
            <source>ui.history.column.ref</source>
            <translation>Ref</translation>
        </message>
        <message>
            <source>ui.history.column.ordered</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <source>ui.history.column.customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>ui.history.column.carrier</source>
            <translation>Carrier</translation>
        </message>
        <message>
            <source>ui.history.column.status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>ui.history.column.tracking</source>
            <translation>Tracking</translation>
        </message>
        <message>
            <source>ui.history.column.packed</source>
            <translation>Packed</translation>
        </message>
        <message>
            <source>ui.history.column.when</source>
            <translation>When</translation>
        </message>
        <message>
            <source>ui.history.column.station</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>ui.history.column.packer</source>
            <translation>Packer</translation>
        </message>
        <message>
            <source>ui.history.column.what</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>ui.history.order_title</source>
            <translation>{ref} — {customer} — {status}</translation>
        </message>
        <message>
            <source>ui.history.action.reprint_label</source>
            <translation>Reprint the label</translation>
        </message>
        <message>
            <source>ui.history.action.reprint_slip</source>
            <translation>Reprint the slip</translation>
        </message>
        <message>
            <source>ui.history.action.unpack</source>
            <translation>Unpack…</translation>
        </message>
        <message>
            <source>ui.history.action.release</source>
            <translation>Release…</translation>
        </message>
        <message>
            <source>ui.history.action.cancel</source>
            <translation>Cancel the order…</translation>
        </message>
        <message>
            <source>ui.history.unpack.title</source>
            <translation>Unpack {ref}</translation>
        </message>
        <message>
            <source>ui.history.unpack.prompt</source>
            <translation>Order {ref} goes back to pending and its items back to stock. Its tracking number is kept.</translation>
        </message>
        <message>
            <source>ui.history.release.title</source>
            <translation>Release {ref}</translation>
        </message>
        <message>
            <source>ui.history.release.prompt</source>
            <translation>Order {ref} goes back to the queue.</translation>
        </message>
        <message>
            <source>ui.history.cancel.title</source>
            <translation>Cancel {ref}</translation>
        </message>
        <message>
            <source>ui.history.cancel.prompt</source>
            <translation>Order {ref} is cancelled and will not be shipped.</translation>
        </message>
        <message>
            <source>ui.history.unpacked</source>
            <translation>Order {ref} unpacked: pending again, stock put back.</translation>
        </message>
        <message>
            <source>ui.history.released</source>
            <translation>Order {ref} released.</translation>
        </message>
        <message>
            <source>ui.history.cancelled</source>
            <translation>Order {ref} cancelled.</translation>
        </message>
        <message>
            <source>ui.history.printed</source>
            <translation>Printed — {document}: {output}</translation>
        </message>
        <message>
            <source>ui.history.print_failed</source>
            <translation>Printing failed — {document}: {error}</translation>
        </message>
        <message>
            <source>ui.import.title</source>
            <translation>Import preview</translation>
        </message>
        <message>
            <source>ui.import.apply</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>ui.import.ready</source>
            <translation>Nothing is imported yet: check the preview, then “Import”.</translation>
        </message>
        <message>
            <source>ui.import.blocked</source>
            <translation>{count} file(s) refused: a file is imported whole or not at all. Fix the refused rows, then import again.</translation>
        </message>
        <message>
            <source>ui.import.reading</source>
            <translation>Reading {count} file(s)… The station keeps scanning meanwhile.</translation>
        </message>
        <message>
            <source>ui.import.read_failed</source>
            <translation>Could not read the file: {detail}. Check it, then open the import again.</translation>
        </message>
        <message>
            <source>ui.import.running</source>
            <translation>Importing {files}… Keep scanning: the result will show here.</translation>
        </message>
        <message>
            <source>ui.import.refused_now</source>
            <translation>Nothing was imported from this file, which changed since its preview: {summary} Open the import again to see the refused rows.</translation>
        </message>
        <message>
            <source>ui.import.file_ok</source>
            <translation>{name} ({format}): {new} new, {updated} updated, {skipped} skipped, {products} product(s).</translation>
        </message>
        <message>
            <source>ui.import.file_rejected</source>
            <translation>{name}: {count} row(s) refused, nothing of this file will be imported.</translation>
        </message>
        <message>
            <source>ui.import.section.new</source>
            <translation>New ({count})</translation>
        </message>
        <message>
            <source>ui.import.section.updated</source>
            <translation>Updated ({count})</translation>
        </message>
        <message>
            <source>ui.import.section.skipped</source>
            <translation>Skipped ({count})</translation>
        </message>
        <message>
            <source>ui.import.section.rejected</source>
            <translation>Rejected ({count})</translation>
        </message>
        <message>
            <source>ui.import.column.line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>ui.import.column.order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>ui.import.column.detail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <source>ui.import.updated_detail</source>
            <translation>updated (still pending)</translation>
        </message>
        <message>
            <source>ui.import.cancelled_detail</source>
            <translation>cancelled by the shop</translation>
        </message>
        <message>
            <source>ui.import.unchanged_detail</source>
            <translation>already up to date</translation>
        </message>
        <message>
            <source>ui.import.map_columns</source>
            <translation>Map the columns…</translation>
        </message>
        <message>
            <source>ui.mapping.title</source>
            <translation>Columns of {name}</translation>
        </message>
        <message>
            <source>ui.mapping.intro</source>
            <translation>This file ({count} columns) is not in a known format. Say which column holds each piece of information; the profile is saved and used for the next files of the same shape.</translation>
        </message>
        <message>
            <source>ui.mapping.name</source>
            <translation>Profile name</translation>
        </message>
        <message>
            <source>ui.mapping.date_format</source>
            <translation>Date format</translation>
        </message>
        <message>
            <source>ui.mapping.date_format_placeholder</source>
            <translation>optional, for example %m/%d/%Y %H:%M</translation>
        </message>
        <message>
            <source>ui.mapping.none</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>ui.mapping.required</source>
            <translation>* required (the product ref or the EAN code at least).</translation>
        </message>
        <message>
            <source>ui.mapping.save</source>
            <translation>Save the profile</translation>
        </message>
        <message>
            <source>ui.mapping.no_name</source>
            <translation>Give the profile a name.</translation>
        </message>
        <message>
            <source>ui.mapping.description</source>
            <translation>Made from {name}</translation>
        </message>
        <message>
            <source>ui.mapping.field.order_ref</source>
            <translation>Order ref</translation>
        </message>
        <message>
            <source>ui.mapping.field.order_date</source>
            <translation>Order date</translation>
        </message>
        <message>
            <source>ui.mapping.field.carrier</source>
            <translation>Carrier / shipping method</translation>
        </message>
        <message>
            <source>ui.mapping.field.service</source>
            <translation>Service (standard or express)</translation>
        </message>
        <message>
            <source>ui.mapping.field.customer_name</source>
            <translation>Customer name (first + last)</translation>
        </message>
        <message>
            <source>ui.mapping.field.company</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>ui.mapping.field.address1</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>ui.mapping.field.address2</source>
            <translation>Address line 2</translation>
        </message>
        <message>
            <source>ui.mapping.field.postcode</source>
            <translation>Postcode</translation>
        </message>
        <message>
            <source>ui.mapping.field.city</source>
            <translation>City</translation>
        </message>
        <message>
            <source>ui.mapping.field.region</source>
            <translation>Region / state</translation>
        </message>
        <message>
            <source>ui.mapping.field.country</source>
            <translation>Country</translation>
        </message>
        <message>
            <source>ui.mapping.field.phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>ui.mapping.field.email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>ui.mapping.field.sku</source>
            <translation>Product ref (SKU)</translation>
        </message>
        <message>
            <source>ui.mapping.field.ean</source>
            <translation>EAN barcode</translation>
        </message>
        <message>
            <source>ui.mapping.field.product_name</source>
            <translation>Product name</translation>
        </message>
        <message>
            <source>ui.mapping.field.quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>ui.mapping.field.unit_price</source>
            <translation>Unit price</translation>
        </message>
        <message>
            <source>ui.mapping.field.currency</source>
            <translation>Currency</translation>
        </message>
        <message>
            <source>ui.mapping.field.weight_g</source>
            <translation>Weight (g)</translation>
        </message>
        <message>
            <source>ui.mapping.field.bin</source>
            <translation>Bin</translation>
        </message>
        <message>
            <source>ui.mapping.field.note</source>
            <translation>Customer note</translation>
        </message>
        <message>
            <source>ui.mapping.field.risk</source>
            <translation>Risk level</translation>
        </message>
        <message>
            <source>ui.mapping.field.tracking</source>
            <translation>Tracking number</translation>
        </message>
        <message>
            <source>ui.mapping.field.external_id</source>
            <translation>Id in the shop</translation>
        </message>
        <message>
            <source>ui.mapping.field.billing_country</source>
            <translation>Billing country</translation>
        </message>
        <message>
            <source>ui.mapping.field.total</source>
            <translation>Order total</translation>
        </message>
        <message>
            <source>ui.mapping.field.status</source>
            <translation>Order status</translation>
        </message>
        <message>
            <source>ui.mapping.field.requires_shipping</source>
            <translation>Requires shipping (yes/no)</translation>
        </message>
        <message>
            <source>ui.mapping.field.payment</source>
            <translation>Payment (paid, pending, cash on delivery)</translation>
        </message>
        <message>
            <source>ui.mapping.field.delivery</source>
            <translation>Delivery mode (store pickup, local delivery)</translation>
        </message>
        <message>
            <source>ui.mapping.field.pickup_point</source>
            <translation>Chosen relay point</translation>
        </message>
        <message>
            <source>ui.mapping.field.hs_code</source>
            <translation>HS code (customs)</translation>
        </message>
        <message>
            <source>ui.mapping.field.origin_country</source>
            <translation>Country of origin (customs)</translation>
        </message>
        <message>
            <source>ui.eod.title</source>
            <translation>End of day — manifests</translation>
        </message>
        <message>
            <source>ui.eod.intro</source>
            <translation>Packed parcels waiting for their carrier. Print the manifest, have it signed, then confirm the hand-over: the orders become “shipped”.</translation>
        </message>
        <message>
            <source>ui.eod.column.carrier</source>
            <translation>Carrier</translation>
        </message>
        <message>
            <source>ui.eod.column.parcels</source>
            <translation>Parcels</translation>
        </message>
        <message>
            <source>ui.eod.column.weight</source>
            <translation>Total weight</translation>
        </message>
        <message>
            <source>ui.eod.print</source>
            <translation>Print the manifest</translation>
        </message>
        <message>
            <source>ui.eod.hand_over</source>
            <translation>Confirm the hand-over…</translation>
        </message>
        <message>
            <source>ui.eod.nothing</source>
            <translation>No parcel waiting for pickup.</translation>
        </message>
        <message>
            <source>ui.eod.printed</source>
            <translation>Manifest sent: {output}</translation>
        </message>
        <message>
            <source>ui.eod.print_failed</source>
            <translation>Manifest not printed: {error}</translation>
        </message>
        <message>
            <source>ui.eod.confirm_title</source>
            <translation>Hand-over to the carrier</translation>
        </message>
        <message>
            <source>ui.eod.confirm</source>
            <translation>Confirm that {carrier} took the {count} parcels? They will be marked shipped.</translation>
        </message>
        <message>
            <source>ui.eod.handed_over</source>
            <translation>{count} parcel(s) handed to {carrier}.</translation>
        </message>
        <message>
            <source>ui.menu.file</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>ui.menu.shop</source>
            <translation>&amp;Shop</translation>
        </message>
        <message>
            <source>ui.menu.history</source>
            <translation>&amp;History</translation>
        </message>
        <message>
            <source>ui.menu.statistics</source>
            <translation>S&amp;tatistics</translation>
        </message>
        <message>
            <source>ui.menu.end_of_day</source>
            <translation>&amp;End of day</translation>
        </message>
        <message>
            <source>ui.menu.help</source>
            <translation>H&amp;elp</translation>
        </message>
        <message>
            <source>ui.menu.action.import</source>
            <translation>Import orders…</translation>
        </message>
        <message>
            <source>ui.menu.action.export_tracking</source>
            <translation>Export tracking numbers…</translation>
        </message>
        <message>
            <source>ui.menu.action.quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>ui.menu.action.settings</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>ui.menu.action.carriers</source>
            <translation>Carriers…</translation>
        </message>
        <message>
            <source>ui.menu.action.history</source>
            <translation>Find an order…</translation>
        </message>
        <message>
            <source>ui.menu.action.statistics</source>
            <translation>Show the statistics…</translation>
        </message>
        <message>
            <source>ui.menu.action.end_of_day</source>
            <translation>Manifests and hand-over…</translation>
        </message>
        <message>
            <source>ui.menu.action.command_sheet</source>
            <translation>Print the command barcodes…</translation>
        </message>
        <message>
            <source>ui.import.filter</source>
            <translation>Order files (*.csv *.txt)</translation>
        </message>
        <message>
            <source>ui.settings.saved</source>
            <translation>Settings saved.</translation>
        </message>
        <message>
            <source>ui.tracking.title</source>
            <translation>Export the tracking numbers</translation>
        </message>
        <message>
            <source>ui.tracking.format</source>
            <translation>Shop's format</translation>
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
            <translation>Generic CSV</translation>
        </message>
        <message>
            <source>ui.tracking.since</source>
            <translation>Only parcels packed since</translation>
        </message>
        <message>
            <source>ui.tracking.file</source>
            <translation>File</translation>
        </message>
        <message>
            <source>ui.tracking.file_placeholder</source>
            <translation>where to save the CSV</translation>
        </message>
        <message>
            <source>ui.tracking.export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>ui.tracking.no_file</source>
            <translation>Choose the file to write.</translation>
        </message>
        <message>
            <source>ui.tracking.done</source>
            <translation>{count} tracking number(s) exported to {path}.</translation>
        </message>
        <message>
            <source>ui.settings.title</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>ui.settings.tab.shop</source>
            <translation>Shop</translation>
        </message>
        <message>
            <source>ui.settings.tab.carriers</source>
            <translation>Carriers</translation>
        </message>
        <message>
            <source>ui.settings.tab.holds</source>
            <translation>Fraud rules</translation>
        </message>
        <message>
            <source>ui.settings.tab.station</source>
            <translation>This station</translation>
        </message>
        <message>
            <source>ui.settings.not_saved</source>
            <translation>Nothing was saved: fix the refused values ({tabs}).</translation>
        </message>
        <message>
            <source>ui.settings.logo</source>
            <translation>Logo (PNG or JPEG)</translation>
        </message>
        <message>
            <source>ui.settings.logo_placeholder</source>
            <translation>No logo</translation>
        </message>
        <message>
            <source>ui.settings.logo_filter</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>ui.settings.returns_placeholder</source>
            <translation>Printed at the bottom of the packing slip</translation>
        </message>
        <message>
            <source>ui.settings.document_language</source>
            <translation>Documents' language</translation>
        </message>
        <message>
            <source>ui.settings.language.fr</source>
            <translation>French</translation>
        </message>
        <message>
            <source>ui.settings.language.en</source>
            <translation>English</translation>
        </message>
        <message>
            <source>ui.settings.error.shop_name</source>
            <translation>The shop's name is required.</translation>
        </message>
        <message>
            <source>ui.settings.error.country</source>
            <translation>Country “{value}” refused: give its two-letter ISO code, for example FR.</translation>
        </message>
        <message>
            <source>ui.settings.error.email</source>
            <translation>E-mail address “{value}” is incomplete: the @ is missing.</translation>
        </message>
        <message>
            <source>ui.settings.error.logo_missing</source>
            <translation>Logo file not found: {path}.</translation>
        </message>
        <message>
            <source>ui.settings.error.logo_type</source>
            <translation>The logo {path} must be a PNG or JPEG image.</translation>
        </message>
        <message>
            <source>ui.settings.carriers_help</source>
            <translation>The carriers that collect the parcels: choose one on the left and set its pickup days and times, its holidays and closed days, and the shop's shipping methods that mean it.</translation>
        </message>
        <message>
            <source>ui.settings.error.no_carrier</source>
            <translation>Declare at least one carrier.</translation>
        </message>
        <message>
            <source>ui.settings.holds.risk</source>
            <translation>Hold risk levels</translation>
        </message>
        <message>
            <source>ui.settings.holds.risk_placeholder</source>
            <translation>for example: high, medium</translation>
        </message>
        <message>
            <source>ui.settings.holds.country</source>
            <translation>Hold when the billing country differs from the shipping country</translation>
        </message>
        <message>
            <source>ui.settings.holds.first_express</source>
            <translation>Hold a customer's first order when it is express (a customer with no earlier order in Packstation's history)</translation>
        </message>
        <message>
            <source>ui.settings.holds.awaiting_payment</source>
            <translation>Hold orders awaiting payment (never cash on delivery)</translation>
        </message>
        <message>
            <source>ui.settings.holds.total</source>
            <translation>Hold above the amount (orders in EUR)</translation>
        </message>
        <message>
            <source>ui.settings.holds.total_placeholder</source>
            <translation>empty: no limit</translation>
        </message>
        <message>
            <source>ui.settings.holds.deny_emails</source>
            <translation>Denied e-mails</translation>
        </message>
        <message>
            <source>ui.settings.holds.deny_addresses</source>
            <translation>Denied addresses</translation>
        </message>
        <message>
            <source>ui.settings.holds.one_per_line</source>
            <translation>One per line</translation>
        </message>
        <message>
            <source>ui.settings.station.general</source>
            <translation>Workstation</translation>
        </message>
        <message>
            <source>ui.settings.station.name</source>
            <translation>Station name</translation>
        </message>
        <message>
            <source>ui.settings.station.ask_weight</source>
            <translation>Ask for each parcel's weight</translation>
        </message>
        <message>
            <source>ui.settings.station.packaging</source>
            <translation>Packaging weight</translation>
        </message>
        <message>
            <source>ui.settings.station.open_next</source>
            <translation>Open the next order automatically</translation>
        </message>
        <message>
            <source>ui.settings.station.sounds</source>
            <translation>Sounds</translation>
        </message>
        <message>
            <source>ui.settings.station.inbox</source>
            <translation>Import inbox folder</translation>
        </message>
        <message>
            <source>ui.settings.station.inbox_none</source>
            <translation>None: no automatic import</translation>
        </message>
        <message>
            <source>ui.settings.station.printing</source>
            <translation>Printing</translation>
        </message>
        <message>
            <source>ui.settings.station.label_layout</source>
            <translation>Label format</translation>
        </message>
        <message>
            <source>ui.settings.station.output_dir</source>
            <translation>PDF folder</translation>
        </message>
        <message>
            <source>ui.settings.station.output_default</source>
            <translation>Default: Documents/Packstation/&lt;date&gt;</translation>
        </message>
        <message>
            <source>ui.settings.station.column.document</source>
            <translation>Document type</translation>
        </message>
        <message>
            <source>ui.settings.station.column.destination</source>
            <translation>Printer</translation>
        </message>
        <message>
            <source>ui.settings.station.column.media</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>ui.settings.station.column.folder</source>
            <translation>Folder (without a printer)</translation>
        </message>
        <message>
            <source>ui.settings.station.to_folder</source>
            <translation>Folder of PDFs</translation>
        </message>
        <message>
            <source>ui.settings.station.media_default</source>
            <translation>default paper</translation>
        </message>
        <message>
            <source>ui.settings.station.folder_default</source>
            <translation>the PDF folder</translation>
        </message>
        <message>
            <source>ui.settings.station.no_cups</source>
            <translation>The system's printers are not available: {reason}</translation>
        </message>
        <message>
            <source>ui.settings.layout.100x150</source>
            <translation>Label 100 × 150 mm</translation>
        </message>
        <message>
            <source>ui.settings.layout.4x6</source>
            <translation>Label 4 × 6 in</translation>
        </message>
        <message>
            <source>ui.settings.layout.a6</source>
            <translation>A6 sheet</translation>
        </message>
        <message>
            <source>ui.settings.layout.a4x2</source>
            <translation>A4, 2 labels a page</translation>
        </message>
        <message>
            <source>ui.settings.layout.a4x4</source>
            <translation>A4, 4 labels a page</translation>
        </message>
        <message>
            <source>ui.stats.title</source>
            <translation>Statistics</translation>
        </message>
        <message>
            <source>ui.stats.period</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>ui.stats.today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>ui.stats.week</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <source>ui.stats.from_to</source>
            <translation>from {first} to {last}</translation>
        </message>
        <message>
            <source>ui.stats.export</source>
            <translation>Export as CSV…</translation>
        </message>
        <message>
            <source>ui.stats.csv_filter</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>ui.stats.exported</source>
            <translation>Statistics exported: {path}</translation>
        </message>
        <message>
            <source>ui.stats.figure.parcels</source>
            <translation>Parcels packed</translation>
        </message>
        <message>
            <source>ui.stats.figure.median</source>
            <translation>Median time per parcel</translation>
        </message>
        <message>
            <source>ui.stats.figure.mistakes</source>
            <translation>Mistakes caught by scanning</translation>
        </message>
        <message>
            <source>ui.stats.column.packer</source>
            <translation>Packer</translation>
        </message>
        <message>
            <source>ui.stats.column.hour</source>
            <translation>Hour</translation>
        </message>
        <message>
            <source>ui.stats.column.day</source>
            <translation>Day</translation>
        </message>
        <message>
            <source>ui.stats.column.parcels</source>
            <translation>Parcels</translation>
        </message>
        <message>
            <source>ui.stats.column.median</source>
            <translation>Median time</translation>
        </message>
        <message>
            <source>ui.stats.column.mistakes</source>
            <translation>Mistakes caught</translation>
        </message>
        <message>
            <source>ui.stats.per_packer</source>
            <translation>Per packer</translation>
        </message>
        <message>
            <source>ui.stats.per_hour</source>
            <translation>Per hour</translation>
        </message>
        <message>
            <source>ui.stats.per_day</source>
            <translation>Per day</translation>
        </message>
        <message>
            <source>ui.stats.chart.hour</source>
            <translation>Parcels and mistakes per hour</translation>
        </message>
        <message>
            <source>ui.stats.chart.day</source>
            <translation>Parcels and mistakes per day</translation>
        </message>
        <message>
            <source>ui.stats.legend.parcels</source>
            <translation>parcels</translation>
        </message>
        <message>
            <source>ui.stats.legend.mistakes</source>
            <translation>mistakes caught</translation>
        </message>
        <message>
            <source>ui.stats.no_data</source>
            <translation>No parcel in this period.</translation>
        </message>
        <message>
            <source>ui.banner.title</source>
            <translation>{carrier} — {when}</translation>
        </message>
        <message>
            <source>ui.banner.loading</source>
            <translation>Working out the carrier pickups…</translation>
        </message>
        <message>
            <source>ui.banner.no_carrier</source>
            <translation>No carrier configured.</translation>
        </message>
        <message>
            <source>ui.standard</source>
            <translation>standard</translation>
        </message>
        <message>
            <source>ui.lines.product</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>ui.lines.bin</source>
            <translation>Bin</translation>
        </message>
        <message>
            <source>ui.lines.count</source>
            <translation>Verified</translation>
        </message>
        <message>
            <source>ui.lines.no_barcode</source>
            <translation>(no barcode: F3)</translation>
        </message>
        <message>
            <source>ui.order.idle</source>
            <translation>Scan an order's slip, or press F2 for the next one.</translation>
        </message>
        <message>
            <source>ui.order.note</source>
            <translation>Customer's note: {note}</translation>
        </message>
        <message>
            <source>ui.order.awaiting_payment</source>
            <translation>Awaiting payment</translation>
        </message>
        <message>
            <source>ui.express</source>
            <translation>express</translation>
        </message>
        <message>
            <source>ui.queue.column.ref</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>ui.queue.column.customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>ui.queue.column.carrier</source>
            <translation>Carrier</translation>
        </message>
        <message>
            <source>ui.queue.column.items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>ui.queue.column.ordered</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <source>ui.queue.column.state</source>
            <translation>State</translation>
        </message>
        <message>
            <source>ui.queue.state.ready</source>
            <translation>ready</translation>
        </message>
        <message>
            <source>ui.queue.state.short</source>
            <translation>short of stock</translation>
        </message>
        <message>
            <source>ui.queue.state.on_hold</source>
            <translation>on hold: {reason}</translation>
        </message>
        <message>
            <source>ui.queue.state.packing</source>
            <translation>packing at {station}</translation>
        </message>
        <message>
            <source>ui.queue.mark.awaiting_payment</source>
            <translation>awaiting payment</translation>
        </message>
        <message>
            <source>ui.queue.filter.all</source>
            <translation>All states</translation>
        </message>
        <message>
            <source>ui.queue.filter.ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>ui.queue.filter.short</source>
            <translation>Short of stock</translation>
        </message>
        <message>
            <source>ui.queue.filter.on_hold</source>
            <translation>On hold</translation>
        </message>
        <message>
            <source>ui.queue.filter.packing</source>
            <translation>Being packed</translation>
        </message>
        <message>
            <source>ui.sound.no_audio</source>
            <translation>No audio output: the station stays silent.</translation>
        </message>
        <message>
            <source>ui.sound.disabled</source>
            <translation>Sounds turned off in the configuration.</translation>
        </message>
        <message>
            <source>ui.sound.no_files</source>
            <translation>Sounds unavailable ({reason}): the station stays silent.</translation>
        </message>
        <message>
            <source>ui.window.title</source>
            <translation>Packstation — {station}</translation>
        </message>
        <message>
            <source>ui.settings.missing</source>
            <translation>The shop's address is not set: labels will lack the sender.</translation>
        </message>
        <message>
            <source>ui.settings.fill</source>
            <translation>Set the address…</translation>
        </message>
        <message>
            <source>ui.queue.title</source>
            <translation>Queue — {count} order(s)</translation>
        </message>
        <message>
            <source>ui.queue.search</source>
            <translation>Search (Ctrl+F)</translation>
        </message>
        <message>
            <source>ui.queue.all_carriers</source>
            <translation>All carriers</translation>
        </message>
        <message>
            <source>ui.answer.ready</source>
            <translation>Ready: scan your badge, then an order's slip.</translation>
        </message>
        <message>
            <source>ui.headline.ok</source>
            <translation>✔ OK</translation>
        </message>
        <message>
            <source>ui.headline.complete</source>
            <translation>Parcel ready</translation>
        </message>
        <message>
            <source>ui.headline.error</source>
            <translation>✖ Stop</translation>
        </message>
        <message>
            <source>ui.headline.warning</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>ui.weight.prompt</source>
            <translation>Weighed weight, then Enter — or Enter/F4 alone: {weight} g computed</translation>
        </message>
        <message>
            <source>ui.weight.ok</source>
            <translation>Accept weight</translation>
        </message>
        <message>
            <source>ui.scan.label</source>
            <translation>Scan:</translation>
        </message>
        <message>
            <source>ui.scan.placeholder</source>
            <translation>Code typed, then Enter · quantity: 23* then scan</translation>
        </message>
        <message>
            <source>ui.action.barcode</source>
            <translation>barcode {code}</translation>
        </message>
        <message>
            <source>ui.action.next</source>
            <translation>Next order</translation>
        </message>
        <message>
            <source>ui.action.next.short</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>ui.action.confirm</source>
            <translation>Confirm an item without barcode</translation>
        </message>
        <message>
            <source>ui.action.confirm.short</source>
            <translation>No barcode</translation>
        </message>
        <message>
            <source>ui.action.weight</source>
            <translation>Parcel weight</translation>
        </message>
        <message>
            <source>ui.action.weight.short</source>
            <translation>Weight</translation>
        </message>
        <message>
            <source>ui.action.reprint_label</source>
            <translation>Reprint the label</translation>
        </message>
        <message>
            <source>ui.action.reprint_label.short</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>ui.action.reprint_slip</source>
            <translation>Reprint the packing slip</translation>
        </message>
        <message>
            <source>ui.action.reprint_slip.short</source>
            <translation>Slip</translation>
        </message>
        <message>
            <source>ui.action.packer</source>
            <translation>Packer (log in, log out)</translation>
        </message>
        <message>
            <source>ui.action.packer.short</source>
            <translation>Packer</translation>
        </message>
        <message>
            <source>ui.action.abandon</source>
            <translation>Abandon the order</translation>
        </message>
        <message>
            <source>ui.action.abandon.short</source>
            <translation>Abandon</translation>
        </message>
        <message>
            <source>ui.action.parcel</source>
            <translation>Close the parcel, go on in another</translation>
        </message>
        <message>
            <source>ui.action.retry_prints</source>
            <translation>Retry failed prints</translation>
        </message>
        <message>
            <source>ui.action.search</source>
            <translation>Search the queue</translation>
        </message>
        <message>
            <source>ui.action.scan_field</source>
            <translation>Go to the scan field</translation>
        </message>
        <message>
            <source>ui.action.refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>ui.action.shop_settings</source>
            <translation>Shop address</translation>
        </message>
        <message>
            <source>ui.status.station</source>
            <translation>Table: {station}</translation>
        </message>
        <message>
            <source>ui.status.packer</source>
            <translation>Packer: {packer}</translation>
        </message>
        <message>
            <source>ui.status.no_packer</source>
            <translation>No packer (scan your badge or F7)</translation>
        </message>
        <message>
            <source>ui.status.printers</source>
            <translation>Labels: {label} · Slips: {slip}</translation>
        </message>
        <message>
            <source>ui.status.prints_ok</source>
            <translation>Prints: {waiting} in progress</translation>
        </message>
        <message>
            <source>ui.status.labels_waiting</source>
            <translation>{count} label(s) waiting for the carrier</translation>
        </message>
        <message>
            <source>ui.status.prints_failed</source>
            <translation>{count} print(s) failed</translation>
        </message>
        <message>
            <source>ui.status.retry</source>
            <translation>Retry prints (F9)</translation>
        </message>
        <message>
            <source>ui.status.retried</source>
            <translation>{count} print(s) retried, {failed} still failing.</translation>
        </message>
        <message>
            <source>ui.status.retrying</source>
            <translation>{count} print(s) sent again: they go out in order, without holding the scans.</translation>
        </message>
        <message>
            <source>ui.status.print_failed_now</source>
            <translation>Print failed: {error}</translation>
        </message>
        <message>
            <source>ui.db.lost</source>
            <translation>Connection to the database lost — trying again every second. Scans are refused until it is back: nothing is lost.</translation>
        </message>
        <message>
            <source>ui.banner.refresh_failed</source>
            <translation>The countdown could not be recounted (database unavailable): trying again soon.</translation>
        </message>
        <message>
            <source>ui.crash.title</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>ui.crash.text</source>
            <translation>An unexpected error happened; the station goes on. The details are in the log: {log}</translation>
        </message>
        <message>
            <source>ui.db.back</source>
            <translation>Connection to the database is back.</translation>
        </message>
        <message>
            <source>ui.tables.taken_from_us</source>
            <translation>Order {ref} was taken over by another table.</translation>
        </message>
        <message>
            <source>ui.tables.take_over_title</source>
            <translation>Take the order over?</translation>
        </message>
        <message>
            <source>ui.tables.take_over_question</source>
            <translation>Order {ref} is being packed at {station}, silent for {idle}. Take it over here, with the items already verified?</translation>
        </message>
        <message>
            <source>ui.stock.ship_title</source>
            <translation>Ship what is there?</translation>
        </message>
        <message>
            <source>ui.stock.ship_question</source>
            <translation>{why}

Ship what the stock covers now? The rest becomes a backorder that stays in the queue.</translation>
        </message>
        <message>
            <source>ui.menu.print</source>
            <translation>&amp;Print</translation>
        </message>
        <message>
            <source>ui.menu.action.pick_list</source>
            <translation>Pick list of the next orders</translation>
        </message>
        <message>
            <source>ui.menu.action.product_labels</source>
            <translation>Labels for products without barcode</translation>
        </message>
        <message>
            <source>ui.menu.document.picklist</source>
            <translation>Pick list</translation>
        </message>
        <message>
            <source>ui.menu.document.product_labels</source>
            <translation>Product labels</translation>
        </message>
        <message>
            <source>ui.menu.document.commands</source>
            <translation>Command barcode sheet</translation>
        </message>
        <message>
            <source>ui.menu.print_sent</source>
            <translation>Printed — {document}: {output}</translation>
        </message>
        <message>
            <source>ui.menu.print_failed</source>
            <translation>Printing failed — {document}: {error}</translation>
        </message>
        <message>
            <source>ui.menu.nothing_to_pick</source>
            <translation>No order ready: no pick list to print.</translation>
        </message>
        <message>
            <source>ui.menu.no_product_without_code</source>
            <translation>Every product already has a barcode.</translation>
        </message>
    </context>
</TS>
