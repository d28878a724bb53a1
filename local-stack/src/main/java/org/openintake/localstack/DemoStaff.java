package org.openintake.localstack;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The local run's staff accounts at its OIDC provider, one per casework role: on-call (every
 * crisis case), the clinical lead (every case and the audit log), and one per track's team. Each
 * run draws new passwords and prints them with the staff URL; nothing stores them.
 */
final class DemoStaff {

	/** One account: its groups are what the provider puts in the ID token's {@code groups} claim. */
	record Account(String username, String password, String name, String groups, String role) {
	}

	private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final List<Account> accounts;

	DemoStaff() {
		SecureRandom random = new SecureRandom();
		List<Account> list = new ArrayList<>();
		list.add(new Account("oncall", password(random), "Olu On-call", "oncall", "every crisis case"));
		list.add(new Account("lead", password(random), "Lena Lead", "lead", "every case, the audit log"));
		for (String[] track : new String[][] { { "tms", "Tomas TMS" }, { "cbt", "Cara CBT" }, { "mbsr", "Mia MBSR" },
				{ "neurofeedback", "Nils Neurofeedback" }, { "addiction", "Ada Addiction" },
				{ "psychiatry", "Priya Psychiatry" }, { "general-assessment", "Gus General" } }) {
			list.add(new Account(track[0], password(random), track[1], track[0], track[0] + " routine cases"));
		}
		this.accounts = List.copyOf(list);
	}

	List<Account> accounts() {
		return this.accounts;
	}

	/** The provider's {@code --idp.accounts[n].*} arguments. */
	List<String> providerArguments() {
		List<String> arguments = new ArrayList<>();
		for (int i = 0; i < this.accounts.size(); i++) {
			Account account = this.accounts.get(i);
			arguments.add("--idp.accounts[" + i + "].username=" + account.username());
			arguments.add("--idp.accounts[" + i + "].password=" + account.password());
			arguments.add("--idp.accounts[" + i + "].name=" + account.name());
			arguments.add("--idp.accounts[" + i + "].groups=" + account.groups());
		}
		return arguments;
	}

	Account account(String username) {
		return this.accounts.stream()
			.filter(account -> account.username().equals(username))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no demo account " + username));
	}

	/** 16 characters without look-alikes (no l/1, O/0): easy to type from the console. */
	private static String password(SecureRandom random) {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
		}
		return password.toString();
	}

}
