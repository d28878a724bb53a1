package org.openintake.intake.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openintake.intake.IntakeServiceTest;
import org.openintake.intake.IntakeTopic;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated and mutated bodies thrown at {@code POST /api/intakes} of the real
 * service (its own context, against the module's embedded KRaft broker). Whatever arrives, the
 * client never gets a 5xx; a valid form always gets a 202 and is on the topic as sent; an invalid
 * one never gets a 202 but problem+json naming the bad field, and nothing is published.
 */
class IntakeApiPropertyTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** How clients that escape every non-ASCII character (Python's json.dumps default) write JSON. */
	private static final JsonMapper asciiJson = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static ConfigurableApplicationContext app;

	private static HttpClient http;

	private static URI intakes;

	private static IntakeTopic topic;

	private static long topicSizeAtStart;

	/** caseId -> the form as sent (without nulls), for the check against what is on the topic */
	private static final Map<String, JsonNode> accepted = new ConcurrentHashMap<>();

	/** caseIds of corrupted bodies that were still valid forms */
	private static final Set<String> acceptedCorrupted = ConcurrentHashMap.newKeySet();

	@BeforeContainer
	static void startService() {
		String brokers = System.getProperty("spring.embedded.kafka.brokers");
		app = StandaloneIntake.start("--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + brokers, "--intake.rate-limit.enabled=false",
				"--intake.links.notification-base-url=" + IntakeServiceTest.NOTIFICATION_ABSENT);
		intakes = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api/intakes");
		http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		topic = new IntakeTopic(brokers);
		topicSizeAtStart = topic.size();
	}

	@AfterContainer
	static void everyAcceptedFormIsOnTheTopicAsSentAndNothingElse() {
		try {
			Map<String, List<ConsumerRecord<String, String>>> byCase = topic.all()
				.stream()
				.filter(record -> accepted.containsKey(record.key()) || acceptedCorrupted.contains(record.key()))
				.collect(Collectors.groupingBy(ConsumerRecord::key));
			assertThat(byCase.keySet()).as("every 202 is on the topic")
				.containsAll(accepted.keySet())
				.containsAll(acceptedCorrupted)
				.hasSize(accepted.size() + acceptedCorrupted.size());
			byCase.forEach((caseId, records) -> assertThat(records).as("exactly once").hasSize(1));
			accepted.forEach((caseId, form) -> {
				List<ConsumerRecord<String, String>> records = byCase.get(caseId);
				assertThat(withoutNulls(json.readTree(records.get(0).value()).get("form")))
					.as("the form on the topic is the one sent")
					.isEqualTo(accepted.get(caseId));
			});
			assertThat(topic.size() - topicSizeAtStart).as("refused bodies published nothing")
				.isEqualTo(accepted.size() + acceptedCorrupted.size());
		}
		finally {
			topic.close();
			app.close();
		}
	}

	// ---- properties

	@Property(tries = 1000)
	void aValidFormIsAccepted(@ForAll("validForms") ObjectNode form, @ForAll boolean escapeNonAscii) throws Exception {
		String body = (escapeNonAscii ? asciiJson : json).writeValueAsString(form);
		HttpResponse<String> response = post(body.getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).as("a valid form (%d bytes) gets 202: %s", body.length(), response.body())
			.isEqualTo(202);
		JsonNode receipt = json.readTree(response.body());
		accepted.put(receipt.get("caseId").asString(), withoutNulls(form));
		Statistics.label("encoding").collect(escapeNonAscii ? "ascii-escaped" : "utf-8");
		Statistics.label("size").collect(body.length() < 4096 ? "<4KB" : body.length() < 32768 ? "<32KB" : ">=32KB");
	}

	/**
	 * The largest form the contract allows (every text at its limit, in a script of 3-byte
	 * characters) fits the body limit even from a client that escapes all non-ASCII as \\uXXXX.
	 */
	@Example
	void theLargestValidFormIsAcceptedInAnyEncoding() throws Exception {
		ObjectNode form = validForms().sample();
		String text = "\u6211".repeat(4000);
		form.putObject("answers").put("concerns", text).put("history", text).put("goals", text);
		((ObjectNode) form.get("patient")).put("name", "\u00e9".repeat(200));
		ArrayNode tried = ((ObjectNode) ensureTreatment(form)).putArray("tried");
		for (int i = 0; i < 20; i++) {
			tried.add("\u6211".repeat(100));
		}
		byte[] body = asciiJson.writeValueAsBytes(form);
		assertThat(body.length).as("escaped").isGreaterThan(64 * 1024);

		HttpResponse<String> response = post(body);

		assertThat(response.statusCode()).as("%d bytes: %s", body.length, response.body()).isEqualTo(202);
		accepted.put(json.readTree(response.body()).get("caseId").asString(), withoutNulls(form));
	}

	private static JsonNode ensureTreatment(ObjectNode form) {
		return form.has("treatment") ? form.get("treatment") : form.putObject("treatment");
	}

	@Property(tries = 2000)
	void anInvalidFormIsRefusedNamingTheField(@ForAll("validForms") ObjectNode form, @ForAll("mutations") Mutation mutation)
			throws Exception {
		byte[] body = mutation.apply(form);
		HttpResponse<String> response = post(body);

		assertRefusal(response, mutation.toString());
		List<String> fields = errorFields(response);
		if (response.statusCode() == 413) {
			assertThat(fields).containsExactly("body");
		}
		else if (mutation.field() != null) {
			assertThat(fields).as("%s names %s", mutation, mutation.field())
				.anySatisfy(field -> assertThat(field.equals(mutation.field()) || field.startsWith(mutation.field() + ".")
						|| field.startsWith(mutation.field() + "[")).isTrue());
		}
		Statistics.label("mutation").collect(mutation.kind());
		Statistics.label("status").collect(response.statusCode());
	}

	@Property(tries = 1000)
	void randomBytesAreRefused(@ForAll("randomBodies") byte[] body) throws Exception {
		HttpResponse<String> response = post(body);
		assertRefusal(response, "random bytes");
		Statistics.label("status").collect(response.statusCode());
	}

	/** Corrupting a few bytes of a valid body may leave it valid (a changed letter in free text); it may never break the server. */
	@Property(tries = 1000)
	void aCorruptedBodyIsAcceptedOrRefusedCleanly(@ForAll("validForms") ObjectNode form,
			@ForAll("corruptions") List<Integer> positionsAndBytes) throws Exception {
		byte[] body = json.writeValueAsBytes(form);
		for (int i = 0; i + 1 < positionsAndBytes.size(); i += 2) {
			body[Math.floorMod(positionsAndBytes.get(i), body.length)] = (byte) positionsAndBytes.get(i + 1).intValue();
		}
		HttpResponse<String> response = post(body);
		if (response.statusCode() == 202) {
			// a corrupted property name is an unknown property, which the contract ignores: it is not on the topic
			acceptedCorrupted.add(json.readTree(response.body()).get("caseId").asString());
		}
		else {
			assertRefusal(response, "corrupted bytes");
		}
		Statistics.label("status").collect(response.statusCode());
	}

	// ---- checks

	private static HttpResponse<String> post(byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(intakes)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void assertRefusal(HttpResponse<String> response, String what) {
		assertThat(response.statusCode()).as("%s: never a server error: %s", what, response.body()).isLessThan(500);
		assertThat(response.statusCode()).as("%s: refused, not accepted", what).isIn(400, 413, 415, 422);
		assertThat(response.headers().firstValue("Content-Type")).as("%s: problem+json", what)
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
		JsonNode errors = problem.get("errors");
		assertThat(errors).as("%s: errors array", what).isNotNull();
		assertThat(errors.isArray() && !errors.isEmpty()).as("%s: at least one error", what).isTrue();
		errors.forEach(error -> {
			assertThat(error.path("field").asString("")).as("%s: every error names its field", what).isNotBlank();
			assertThat(error.path("reason").asString("")).as("%s: and says why", what).isNotBlank();
			assertThat(error.path("code").asString("")).isNotBlank();
		});
	}

	private static List<String> errorFields(HttpResponse<String> response) {
		List<String> fields = new ArrayList<>();
		json.readTree(response.body()).get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}

	/** Absent and null mean the same in the form; the event writes every field, the generator leaves some out. */
	private static JsonNode withoutNulls(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = nodes.objectNode();
			node.properties().forEach(entry -> {
				if (!entry.getValue().isNull()) {
					copy.set(entry.getKey(), withoutNulls(entry.getValue()));
				}
			});
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = nodes.arrayNode();
			node.forEach(item -> copy.add(withoutNulls(item)));
			return copy;
		}
		return node;
	}

	// ---- valid forms

	@Provide
	Arbitrary<ObjectNode> validForms() {
		return Combinators
			.combine(Arbitraries.of("en", "es", "de", "fr", "it"), Arbitraries.chars().range('A', 'Z').array(char[].class).ofSize(2),
					patients(), Arbitraries.of(true, false), questionnaires(), answers().optional(0.8),
					treatments().optional(0.7))
			.as((locale, country, patient, contactConsent, questionnaires, answers, treatment) -> {
				ObjectNode form = nodes.objectNode();
				form.put("locale", locale);
				form.put("country", new String(country));
				form.set("patient", patient);
				form.set("consent", nodes.objectNode().put("processing", true).put("contact", contactConsent));
				form.set("questionnaires", questionnaires);
				answers.ifPresent(a -> form.set("answers", a));
				treatment.ifPresent(t -> form.set("treatment", t));
				return form;
			});
	}

	private Arbitrary<ObjectNode> patients() {
		Arbitrary<String> name = text(200).filter(s -> s.codePoints().anyMatch(Character::isLetterOrDigit));
		Arbitrary<String> email = Combinators
			.combine(Arbitraries.strings().alpha().numeric().withChars("_+-").ofMinLength(1).ofMaxLength(30),
					Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), Arbitraries.of("org", "ch", "example"))
			.as((local, domain, tld) -> local + "@" + domain + "." + tld);
		Arbitrary<String> phone = Arbitraries.strings().numeric().withChars(" ()./-").ofMinLength(3).ofMaxLength(39)
			.map(p -> "+" + p);
		Arbitrary<LocalDate> dateOfBirth = Arbitraries.integers().between(1, 120 * 366)
			.map(days -> LocalDate.now().minusDays(days));
		return Combinators
			.combine(name, email.optional(0.7), phone.optional(0.7), dateOfBirth.optional(0.7),
					Arbitraries.of("female", "male", "other", "undisclosed").optional(0.7),
					Arbitraries.of("phone", "email").optional(0.7))
			.as((n, e, p, d, s, c) -> {
				ObjectNode patient = nodes.objectNode().put("name", n);
				e.ifPresent(v -> patient.put("email", v));
				p.ifPresent(v -> patient.put("phone", v));
				d.ifPresent(v -> patient.put("dateOfBirth", v.toString()));
				s.ifPresent(v -> patient.put("sex", v));
				c.ifPresent(v -> patient.put("preferredContact", v));
				return patient;
			});
	}

	private Arbitrary<ObjectNode> questionnaires() {
		Arbitrary<Optional<Boolean>> maybe = Arbitraries.of(true, false).optional(0.5);
		Arbitrary<ObjectNode> cssrs = Combinators
			.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), maybe, maybe, maybe,
					Arbitraries.of(true, false), maybe)
			.as((wishDead, thoughts, method, intent, plan, behavior, recent) -> {
				ObjectNode node = nodes.objectNode().put("wishDead", wishDead).put("suicidalThoughts", thoughts);
				method.ifPresent(v -> node.put("method", v));
				intent.ifPresent(v -> node.put("intent", v));
				plan.ifPresent(v -> node.put("plan", v));
				node.put("behavior", behavior);
				recent.ifPresent(v -> node.put("behaviorWithin3Months", v));
				return node;
			});
		return Combinators
			.combine(items(9, 3), items(7, 3), cssrs, items(3, 4).optional(0.5), items(10, 1).optional(0.5),
					items(5, 1).optional(0.5), items(6, 4).optional(0.5))
			.as((phq9, gad7, c, auditC, dast10, pcPtsd5, asrsA) -> {
				ObjectNode node = nodes.objectNode();
				node.set("phq9", phq9);
				node.set("gad7", gad7);
				node.set("cssrs", c);
				auditC.ifPresent(v -> node.set("auditC", v));
				dast10.ifPresent(v -> node.set("dast10", v));
				pcPtsd5.ifPresent(v -> node.set("pcPtsd5", v));
				asrsA.ifPresent(v -> node.set("asrsA", v));
				return node;
			});
	}

	private static Arbitrary<ArrayNode> items(int count, int max) {
		return Arbitraries.integers().between(0, max).list().ofSize(count).map(values -> {
			ArrayNode array = nodes.arrayNode();
			values.forEach(array::add);
			return array;
		});
	}

	private Arbitrary<ObjectNode> answers() {
		Arbitrary<Optional<String>> answer = text(4000).optional(0.8);
		return Combinators.combine(answer, answer, answer).as((concerns, history, goals) -> {
			ObjectNode node = nodes.objectNode();
			concerns.ifPresent(v -> node.put("concerns", v));
			history.ifPresent(v -> node.put("history", v));
			goals.ifPresent(v -> node.put("goals", v));
			return node;
		});
	}

	private Arbitrary<ObjectNode> treatments() {
		Arbitrary<String> tried = text(100).filter(s -> s.codePoints().anyMatch(Character::isLetterOrDigit));
		return Combinators
			.combine(Arbitraries.of("TMS", "CBT", "MBSR", "NEUROFEEDBACK", "ADDICTION", "PSYCHIATRY", "GENERAL_ASSESSMENT")
				.list()
				.ofMaxSize(10), Arbitraries.integers().between(0, 30).optional(0.8), tried.list().ofMaxSize(20).optional(0.7),
					Arbitraries.of(true, false).optional(0.7).list().ofSize(4).optional(0.7))
			.as((interests, trials, triedList, safety) -> {
				ObjectNode node = nodes.objectNode();
				ArrayNode interestArray = node.putArray("interests");
				interests.forEach(interestArray::add);
				trials.ifPresent(v -> node.put("antidepressantTrials", v));
				triedList.ifPresent(list -> {
					ArrayNode array = node.putArray("tried");
					list.forEach(array::add);
				});
				safety.ifPresent(answers -> {
					ObjectNode screen = node.putObject("tmsSafety");
					List<String> questions = List.of("metalInHead", "implantedDevice", "seizures", "pregnant");
					for (int i = 0; i < 4; i++) {
						int question = i;
						answers.get(i).ifPresent(v -> screen.put(questions.get(question), v));
					}
				});
				return node;
			});
	}

	/**
	 * Free text as patients and browsers really send it: any language, emoji (surrogate pairs),
	 * CR/LF, tabs, HTML and script, quotes and backslashes, control and bidi characters; at most
	 * {@code maxLength} UTF-16 units, the unit Bean Validation's {@code @Size} counts.
	 */
	private static Arbitrary<String> text(int maxLength) {
		Arbitrary<String> piece = Arbitraries.frequencyOf(
				Tuple(20, Arbitraries.strings().alpha().numeric().withChars(" .,'").ofMinLength(1).ofMaxLength(40)),
				Tuple(10, Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMinLength(1).ofMaxLength(20)),
				Tuple(8, Arbitraries.strings().withCharRange('\u0400', '\u04ff').withCharRange('\u4e00', '\u9fff')
					.withCharRange('\u0600', '\u06ff').ofMinLength(1).ofMaxLength(20)),
				Tuple(5, Arbitraries.of("\uD83D\uDE22", "\uD83D\uDC4D\uD83C\uDFFD", "\uD834\uDD1E", "\uD83C\uDDEC\uD83C\uDDE7")),
				Tuple(5, Arbitraries.of("\r\n", "\n", "\r", "\t", "\u2028", "\u2029", "\r\nBcc: x@example.org\r\n")),
				Tuple(5, Arbitraries.of("<script>alert(1)</script>", "<b>", "&amp;", "<img src=x onerror=alert(1)>", "\"",
						"\\", "'; DROP TABLE cases;--", "${jndi:ldap://x}", "%s%n", "{{7*7}}")),
				Tuple(3, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
				Tuple(2, Arbitraries.of("\u202e", "\u200b", "\ufeff", "\u00ad", "\u0301", "\ufffd", "\uffff")));
		return Arbitraries.oneOf(Arbitraries.integers().between(0, maxLength), Arbitraries.just(maxLength))
			.flatMap(length -> piece.list().ofMaxSize(Math.max(1, length / 2)).map(pieces -> cut(String.join("", pieces), length)));
	}

	private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>> Tuple(int weight,
			Arbitrary<? extends String> arbitrary) {
		return net.jqwik.api.Tuple.of(weight, arbitrary);
	}

	/** At most {@code length} UTF-16 units, never splitting a surrogate pair. */
	private static String cut(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = length;
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	// ---- mutations

	/**
	 * One way to break a valid form.
	 *
	 * @param field the field the refusal must name (or a prefix of it), null when any named field will do
	 */
	record Mutation(String kind, String field, Function<ObjectNode, byte[]> change) {

		byte[] apply(ObjectNode validForm) {
			return change.apply(validForm.deepCopy());
		}

		@Override
		public String toString() {
			return kind + (field != null ? " " + field : "");
		}

	}

	/** Required fields as JSON pointers; dropping one must be refused naming it. */
	private static final List<String> REQUIRED = List.of("/locale", "/country", "/patient", "/consent", "/questionnaires",
			"/patient/name", "/consent/processing", "/questionnaires/phq9", "/questionnaires/gad7", "/questionnaires/cssrs",
			"/questionnaires/cssrs/wishDead", "/questionnaires/cssrs/suicidalThoughts", "/questionnaires/cssrs/behavior");

	/** Every field of the generated forms with its JSON type, for retyping. */
	private static final Map<String, String> TYPED = Map.ofEntries(Map.entry("/locale", "string"),
			Map.entry("/country", "string"), Map.entry("/patient", "object"), Map.entry("/patient/name", "string"),
			Map.entry("/patient/email", "string"), Map.entry("/patient/phone", "string"),
			Map.entry("/patient/dateOfBirth", "date"), Map.entry("/patient/sex", "string"),
			Map.entry("/patient/preferredContact", "string"), Map.entry("/consent", "object"),
			Map.entry("/consent/processing", "boolean"), Map.entry("/consent/contact", "boolean"),
			Map.entry("/questionnaires", "object"), Map.entry("/questionnaires/phq9", "array"),
			Map.entry("/questionnaires/phq9/0", "integer"), Map.entry("/questionnaires/gad7/6", "integer"),
			Map.entry("/questionnaires/cssrs", "object"), Map.entry("/questionnaires/cssrs/wishDead", "boolean"),
			Map.entry("/questionnaires/cssrs/behavior", "boolean"), Map.entry("/answers", "object"),
			Map.entry("/answers/concerns", "string"), Map.entry("/answers/goals", "string"),
			Map.entry("/treatment", "object"), Map.entry("/treatment/interests", "array"),
			Map.entry("/treatment/antidepressantTrials", "integer"), Map.entry("/treatment/tmsSafety", "object"));

	@Provide
	Arbitrary<Mutation> mutations() {
		return Arbitraries.oneOf(drops(), retypes(), oversized(), outOfRange(), trialsOutOfRange(), wrongLengths(), hugeNumbers(),
				deepNesting(), badValues());
	}

	private Arbitrary<Mutation> drops() {
		return Arbitraries.of(REQUIRED).flatMap(pointer -> Arbitraries.of(true, false).map(asNull -> new Mutation(
				asNull ? "null required" : "drop required", field(pointer), form -> {
					ObjectNode parent = (ObjectNode) form.at(parent(pointer));
					if (asNull) {
						parent.putNull(last(pointer));
					}
					else {
						parent.remove(last(pointer));
					}
					return bytes(form);
				})));
	}

	private Arbitrary<Mutation> retypes() {
		Arbitrary<Map.Entry<String, String>> fields = Arbitraries.of(List.copyOf(TYPED.entrySet()));
		Arbitrary<JsonNode> values = Arbitraries.of(nodes.stringNode("3"), nodes.stringNode(""), nodes.stringNode("  "),
				nodes.stringNode("true"), nodes.numberNode(1), nodes.numberNode(0), nodes.numberNode(2.5),
				nodes.booleanNode(true), nodes.booleanNode(false), nodes.objectNode(), nodes.arrayNode(),
				nodes.arrayNode().add(1), nodes.arrayNode().add("en"), nodes.objectNode().put("value", 1));
		return Combinators.combine(fields, values).filter((field, value) -> !sameType(field.getValue(), value))
			.as((field, value) -> new Mutation("retype " + field.getValue() + " as " + value.getNodeType(), field(field.getKey()),
					form -> {
						ensurePath(form, field.getKey());
						setAt(form, field.getKey(), value);
						return bytes(form);
					}));
	}

	/** Values of the field's own JSON type are not a retype (an empty array may even be valid). */
	private static boolean sameType(String type, JsonNode value) {
		return switch (type) {
			case "string", "date" -> value.isString();
			case "integer" -> value.isIntegralNumber();
			case "boolean" -> value.isBoolean();
			case "array" -> value.isArray();
			case "object" -> value.isObject();
			default -> false;
		};
	}

	private Arbitrary<Mutation> oversized() {
		return Arbitraries.of(
				new Mutation("oversize name", "patient.name",
						form -> bytes(with(form, "/patient/name", nodes.stringNode("n".repeat(201))))),
				new Mutation("oversize email", "patient.email",
						form -> bytes(with(form, "/patient/email", nodes.stringNode("a".repeat(250) + "@example.org")))),
				new Mutation("oversize phone", "patient.phone",
						form -> bytes(with(form, "/patient/phone", nodes.stringNode("+" + "1".repeat(41))))),
				new Mutation("oversize concerns", "answers.concerns",
						form -> bytes(with(form, "/answers/concerns", nodes.stringNode("\u00e9".repeat(4001))))),
				new Mutation("oversize goals (emoji)", "answers.goals",
						form -> bytes(with(form, "/answers/goals", nodes.stringNode("\uD83D\uDE22".repeat(2001))))),
				new Mutation("oversize tried item", "treatment.tried[0]",
						form -> bytes(with(form, "/treatment/tried", nodes.arrayNode().add("t".repeat(101))))),
				new Mutation("too many tried", "treatment.tried", form -> {
					ArrayNode tried = nodes.arrayNode();
					for (int i = 0; i < 21; i++) {
						tried.add("CBT");
					}
					return bytes(with(form, "/treatment/tried", tried));
				}), new Mutation("too many interests", "treatment.interests", form -> {
					ArrayNode interests = nodes.arrayNode();
					for (int i = 0; i < 11; i++) {
						interests.add("CBT");
					}
					return bytes(with(form, "/treatment/interests", interests));
				}), new Mutation("body over the limit", "body", form -> {
					ObjectNode padded = form.deepCopy();
					padded.put("padding", "p".repeat(200_000));
					return bytes(padded);
				}));
	}

	private Arbitrary<Mutation> outOfRange() {
		Arbitrary<String[]> items = Arbitraries.of(new String[] { "phq9", "9", "3" }, new String[] { "gad7", "7", "3" },
				new String[] { "auditC", "3", "4" }, new String[] { "dast10", "10", "1" }, new String[] { "pcPtsd5", "5", "1" },
				new String[] { "asrsA", "6", "4" });
		return Combinators.combine(items, Arbitraries.integers().between(0, 9), Arbitraries.of(-1, 1, 2, 5, 100, -100))
			.as((item, index, delta) -> {
				int size = Integer.parseInt(item[1]);
				int max = Integer.parseInt(item[2]);
				int i = index % size;
				int value = delta < 0 ? delta : max + delta;
				return new Mutation("out of range " + item[0], "questionnaires." + item[0] + "[" + i + "]", form -> {
					ObjectNode questionnaires = (ObjectNode) form.get("questionnaires");
					ArrayNode answers = questionnaires.putArray(item[0]);
					for (int j = 0; j < size; j++) {
						answers.add(j == i ? value : 0);
					}
					return bytes(form);
				});
			});
	}

	private Arbitrary<Mutation> trialsOutOfRange() {
		return Arbitraries.of(31, -1, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE)
			.map(trials -> new Mutation("antidepressantTrials out of range", "treatment.antidepressantTrials",
					form -> bytes(with(form, "/treatment/antidepressantTrials", nodes.numberNode(trials)))));
	}

	private Arbitrary<Mutation> wrongLengths() {
		Arbitrary<String[]> lists = Arbitraries.of(new String[] { "phq9", "9" }, new String[] { "gad7", "7" },
				new String[] { "auditC", "3" }, new String[] { "dast10", "10" }, new String[] { "pcPtsd5", "5" },
				new String[] { "asrsA", "6" });
		return Combinators.combine(lists, Arbitraries.integers().between(0, 25)).filter((list, n) -> n != Integer.parseInt(list[1]))
			.as((list, n) -> new Mutation("wrong length " + list[0], "questionnaires." + list[0], form -> {
				ArrayNode answers = ((ObjectNode) form.get("questionnaires")).putArray(list[0]);
				for (int j = 0; j < n; j++) {
					answers.add(0);
				}
				return bytes(form);
			}));
	}

	/** Numbers written as raw JSON text, so they can be beyond what any Java type holds. */
	private Arbitrary<Mutation> hugeNumbers() {
		Arbitrary<String> numbers = Arbitraries.of("1e400", "-1e400", "99999999999999999999999999999999", "2147483648",
				"-2147483649", "9223372036854775808", "1.0", "2e0", "-0.0", "0.5", "1" + "0".repeat(1500), "3.00000000000000000001");
		Arbitrary<String[]> targets = Arbitraries.of(new String[] { "/questionnaires/phq9/4", "questionnaires.phq9[4]" },
				new String[] { "/questionnaires/asrsA/0", "questionnaires.asrsA[0]" },
				new String[] { "/treatment/antidepressantTrials", "treatment.antidepressantTrials" },
				new String[] { "/consent/processing", "consent.processing" }, new String[] { "/patient/name", "patient.name" });
		return Combinators.combine(targets, numbers).as((target, number) -> new Mutation("huge number " + number.length(),
				target[1], form -> {
					ensurePath(form, target[0]);
					setAt(form, target[0], nodes.stringNode("@@NUMBER@@"));
					return bytes(json.writeValueAsString(form).replace("\"@@NUMBER@@\"", number));
				}));
	}

	private Arbitrary<Mutation> deepNesting() {
		Arbitrary<String> targets = Arbitraries.of("/questionnaires/phq9", "/patient/name", "/answers/concerns", "/treatment",
				"/questionnaires/cssrs/wishDead");
		// objects nested in an object would be unknown properties, which the contract ignores
		return Combinators.combine(targets, Arbitraries.integers().between(2, 20_000), Arbitraries.of('[', '{'))
			.filter((target, depth, bracket) -> !(target.equals("/treatment") && bracket == '{'))
			.as((target, depth, bracket) -> new Mutation("deep nesting", field(target), form -> {
				ensurePath(form, target);
				setAt(form, target, nodes.stringNode("@@DEEP@@"));
				String open = bracket == '[' ? "[" : "{\"a\":";
				String close = bracket == '[' ? "]" : "}";
				return bytes(json.writeValueAsString(form)
					.replace("\"@@DEEP@@\"", open.repeat(depth) + "1" + close.repeat(depth)));
			}));
	}

	private Arbitrary<Mutation> badValues() {
		return Arbitraries.of(new Mutation("unknown locale", "locale", form -> bytes(form.put("locale", "EN"))),
				new Mutation("lower-case country", "country", form -> bytes(form.put("country", "gb"))),
				new Mutation("country with a newline", "country", form -> bytes(form.put("country", "G\nB"))),
				new Mutation("blank name", "patient.name", form -> bytes(with(form, "/patient/name", nodes.stringNode(" \t\r\n ")))),
				new Mutation("name of Unicode spaces", "patient.name",
						form -> bytes(with(form, "/patient/name", nodes.stringNode("\u3000\u2028\u00a0\u200b\u2003")))),
				new Mutation("name of punctuation only", "patient.name", form -> bytes(with(form, "/patient/name", nodes.stringNode("-.")))),
				new Mutation("treatment tried of Unicode spaces", "treatment.tried[0]", form -> {
					((ObjectNode) ensureTreatment(form)).putArray("tried").add("\u3000\u00a0\u200b");
					return bytes(form);
				}),
				new Mutation("email with a header", "patient.email",
						form -> bytes(with(form, "/patient/email", nodes.stringNode("a@example.org\r\nBcc: b@example.org")))),
				new Mutation("email as HTML", "patient.email",
						form -> bytes(with(form, "/patient/email", nodes.stringNode("<script>@example.org")))),
				new Mutation("phone with letters", "patient.phone", form -> bytes(with(form, "/patient/phone", nodes.stringNode("call me")))),
				new Mutation("date in the future", "patient.dateOfBirth",
						form -> bytes(with(form, "/patient/dateOfBirth", nodes.stringNode(LocalDate.now().plusDays(2).toString())))),
				new Mutation("date that does not exist", "patient.dateOfBirth",
						form -> bytes(with(form, "/patient/dateOfBirth", nodes.stringNode("1990-02-30")))),
				new Mutation("unknown sex", "patient.sex", form -> bytes(with(form, "/patient/sex", nodes.stringNode("F")))),
				new Mutation("unknown track", "treatment.interests[0]",
						form -> bytes(with(form, "/treatment/interests", nodes.arrayNode().add("HOMEOPATHY")))),
				new Mutation("track as a number", "treatment.interests[0]",
						form -> bytes(with(form, "/treatment/interests", nodes.arrayNode().add(1)))),
				new Mutation("null track", "treatment.interests[0]",
						form -> bytes(with(form, "/treatment/interests", nodes.arrayNode().addNull()))),
				new Mutation("blank tried", "treatment.tried[0]",
						form -> bytes(with(form, "/treatment/tried", nodes.arrayNode().add(" ")))),
				new Mutation("consent to processing refused", "consent.processing",
						form -> bytes(with(form, "/consent/processing", nodes.booleanNode(false)))),
				new Mutation("lone surrogate in free text", "answers.concerns",
						form -> bytes(json.writeValueAsString(with(form, "/answers/concerns", nodes.stringNode("@@S@@")))
							.replace("@@S@@", "I feel \\ud83d low"))),
				new Mutation("lone surrogate in the name", "patient.name",
						form -> bytes(json.writeValueAsString(with(form, "/patient/name", nodes.stringNode("@@S@@")))
							.replace("@@S@@", "Ada \\udc00"))),
				new Mutation("duplicate property", "locale",
						form -> bytes(json.writeValueAsString(form).replaceFirst("\\{", "{\"locale\":\"de\","))),
				new Mutation("array instead of form", "body", form -> bytes("[" + json.writeValueAsString(form) + "]")),
				new Mutation("two forms", "body", form -> bytes(json.writeValueAsString(form) + json.writeValueAsString(form))),
				new Mutation("truncated", null, form -> {
					byte[] whole = bytes(form);
					return java.util.Arrays.copyOf(whole, whole.length / 2);
				}));
	}

	@Provide
	Arbitrary<byte[]> randomBodies() {
		Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
		Arbitrary<byte[]> jsonLike = Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ \\untrfals")
			.ofMaxLength(500).map(s -> s.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> objectPrefixed = noise.map(bytes -> {
			byte[] prefixed = new byte[bytes.length + 1];
			prefixed[0] = '{';
			System.arraycopy(bytes, 0, prefixed, 1, bytes.length);
			return prefixed;
		});
		return Arbitraries.oneOf(noise, jsonLike, objectPrefixed);
	}

	@Provide
	Arbitrary<List<Integer>> corruptions() {
		// pairs of (position, new byte value)
		return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(2).ofMaxSize(10);
	}

	// ---- JSON helpers

	private static byte[] bytes(JsonNode form) {
		return json.writeValueAsBytes(form);
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static ObjectNode with(ObjectNode form, String pointer, JsonNode value) {
		ensurePath(form, pointer);
		setAt(form, pointer, value);
		return form;
	}

	/** Creates the missing containers on the way to {@code pointer} (optional parts the generator left out). */
	private static void ensurePath(ObjectNode form, String pointer) {
		String[] parts = pointer.substring(1).split("/");
		JsonNode node = form;
		for (int i = 0; i < parts.length - 1; i++) {
			JsonNode child = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
			if (child == null || child.isNull()) {
				boolean nextIsIndex = parts[i + 1].matches("\\d+");
				child = nextIsIndex ? nodes.arrayNode() : nodes.objectNode();
				if (nextIsIndex) {
					for (int j = 0; j <= Integer.parseInt(parts[i + 1]); j++) {
						((ArrayNode) child).add(0);
					}
				}
				((ObjectNode) node).set(parts[i], child);
			}
			node = child;
		}
	}

	private static void setAt(ObjectNode form, String pointer, JsonNode value) {
		JsonNode parent = form.at(parent(pointer));
		if (parent.isArray()) {
			((ArrayNode) parent).set(Integer.parseInt(last(pointer)), value);
		}
		else {
			((ObjectNode) parent).set(last(pointer), value);
		}
	}

	private static String parent(String pointer) {
		return pointer.substring(0, pointer.lastIndexOf('/'));
	}

	private static String last(String pointer) {
		return pointer.substring(pointer.lastIndexOf('/') + 1);
	}

	/** {@code /questionnaires/phq9/4} as the API names it: {@code questionnaires.phq9[4]}. */
	private static String field(String pointer) {
		return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
	}

}
