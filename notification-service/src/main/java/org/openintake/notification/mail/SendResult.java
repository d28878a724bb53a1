package org.openintake.notification.mail;

/** What became of an email that did not throw. */
public enum SendResult {

	/** SMTP accepted it now. */
	SENT,
	/** The ledger shows SMTP accepted it before; nothing was sent. */
	DUPLICATE

}
