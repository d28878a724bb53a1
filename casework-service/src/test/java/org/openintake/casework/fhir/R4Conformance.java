package org.openintake.casework.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.r4.context.SimpleWorkerContext;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Type;

/**
 * Checks a Bundle against FHIR R4 as far as the artifacts the registry here serves allow. HAPI's
 * full validator ({@code hapi-fhir-validation}) and the core validator are not served, so this
 * does what they would do for the base profiles with the pieces that are:
 * <ol>
 * <li>a strict parse (unknown elements, bad primitive values and wrong types are errors);</li>
 * <li>the R4 XML schema ({@code fhir-single.xsd} from {@code hapi-fhir-validation-resources-r4})
 * through HAPI's schema validator, on the XML encoding of the same Bundle;</li>
 * <li>every element's cardinality and every error-level invariant of the R4 base
 * StructureDefinitions (resources and data types), evaluated with the R4 FHIRPath engine;</li>
 * <li>every reference and {@code QuestionnaireResponse.questionnaire} resolves to an entry of the
 * Bundle, full URLs are unique, and the Bundle survives a JSON round trip unchanged.</li>
 * </ol>
 * Not checked: terminology bindings and slicing, which need the validator's terminology services.
 */
public final class R4Conformance {

	public static final FhirContext FHIR = FhirContext.forR4();

	private static final String PROFILES = "/org/hl7/fhir/r4/model/profile/";

	private static SimpleWorkerContext worker;

	private static FHIRPathEngine fhirPath;

	private static final Map<String, ExpressionNode> PARSED = new HashMap<>();

	private R4Conformance() {
	}

	/** Every error found in this Bundle (JSON); empty when it conforms as far as checked. */
	public static synchronized List<String> errors(String json) {
		List<String> errors = new ArrayList<>();
		Bundle bundle;
		try {
			bundle = strictParser().parseResource(Bundle.class, json);
		}
		catch (RuntimeException ex) {
			return List.of("strict parse: " + ex.getMessage());
		}
		schema(bundle, errors);
		definitions(bundle, errors);
		references(bundle, errors);
		Bundle again = strictParser().parseResource(Bundle.class, FHIR.newJsonParser().encodeResourceToString(bundle));
		if (!again.equalsDeep(bundle)) {
			errors.add("the Bundle changes in a JSON round trip");
		}
		return errors;
	}

	public static Bundle parse(String json) {
		return strictParser().parseResource(Bundle.class, json);
	}

	private static IParser strictParser() {
		return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
	}

	private static void schema(Bundle bundle, List<String> errors) {
		FhirValidator validator = FHIR.newValidator();
		validator.setValidateAgainstStandardSchema(true);
		validator.setValidateAgainstStandardSchematron(false);
		ValidationResult result = validator.validateWithResult(bundle);
		result.getMessages()
			.stream()
			.filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
					|| message.getSeverity() == ResultSeverityEnum.FATAL)
			.forEach(message -> errors.add("schema: " + message.getLocationString() + ": " + message.getMessage()));
	}

	/** Cardinality and invariants of each resource's and each data type's base StructureDefinition. */
	private static void definitions(Bundle bundle, List<String> errors) {
		load();
		check(bundle, bundle, bundle.fhirType(), errors);
	}

	private static void check(Resource resource, Base node, String location, List<String> errors) {
		Resource root = node instanceof Resource r ? r : resource;
		if (node instanceof Resource || (node instanceof Type && !(node instanceof PrimitiveType))) {
			StructureDefinition definition = worker.fetchTypeDefinition(node.fhirType());
			if (definition == null) {
				errors.add(location + ": no StructureDefinition for " + node.fhirType());
			}
			else {
				checkAgainst(definition, root, node, location, errors);
			}
		}
		for (Property property : node.children()) {
			int i = 0;
			for (Base child : property.getValues()) {
				if (child != null && !(child instanceof PrimitiveType<?> p && !p.hasValue() && !p.hasExtension())) {
					check(root, child, location + "." + property.getName() + "[" + i + "]", errors);
				}
				i++;
			}
		}
	}

	private static void checkAgainst(StructureDefinition definition, Resource root, Base node, String location,
			List<String> errors) {
		String type = definition.getType();
		for (ElementDefinition element : definition.getSnapshot().getElement()) {
			String path = element.getPath();
			if (element.hasContentReference()) {
				continue; // recursive items (Questionnaire.item.item): their first level is checked
			}
			String relative = path.equals(type) ? null : path.substring(type.length() + 1).replace("[x]", "");
			List<Base> focus = relative == null ? List.of(node) : evaluate(root, node, relative, location, errors);
			cardinality(element, root, node, relative, location, errors);
			for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
				if (constraint.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR
						|| !constraint.hasExpression()) {
					continue;
				}
				for (Base each : focus) {
					try {
						if (!holds(root, each, constraint.getExpression())) {
							errors.add(location + " (" + path + "): " + constraint.getKey() + " " + constraint.getHuman());
						}
					}
					catch (RuntimeException ex) {
						errors.add(location + " (" + path + "): " + constraint.getKey() + " could not be evaluated: "
								+ ex.getMessage());
					}
				}
			}
		}
	}

	/**
	 * Whether an invariant holds. This R4 engine answers an empty collection, not false, for
	 * {@code x is T} when x is absent (e.g. ras-2 "probability is decimal implies ..." on a
	 * prediction without a probability), where the validator's engine and the invariant's own XPath
	 * ("not(f:probabilityDecimal) or ...") say it holds; only for such an expression is an empty
	 * result taken as holding. Any other expression must evaluate to true.
	 */
	private static boolean holds(Resource root, Base focus, String invariant) {
		List<Base> result = fhirPath.evaluate(null, root, root, focus, expression(invariant));
		if (result.isEmpty()) {
			return invariant.contains(" is ");
		}
		return result.size() == 1 && result.get(0) instanceof org.hl7.fhir.r4.model.BooleanType b && b.booleanValue();
	}

	/** The element's min and max, counted in each instance of its parent. */
	private static void cardinality(ElementDefinition element, Resource root, Base node, String relative, String location,
			List<String> errors) {
		if (relative == null) {
			return;
		}
		int dot = relative.lastIndexOf('.');
		List<Base> parents = dot < 0 ? List.of(node) : evaluate(root, node, relative.substring(0, dot), location, errors);
		String name = relative.substring(dot + 1);
		for (Base parent : parents) {
			int count = evaluate(root, parent, name, location, errors).size();
			if (count < element.getMin()) {
				errors.add(location + ": " + element.getPath() + " needs at least " + element.getMin() + ", has " + count);
			}
			if (!"*".equals(element.getMax()) && count > Integer.parseInt(element.getMax())) {
				errors.add(location + ": " + element.getPath() + " allows at most " + element.getMax() + ", has " + count);
			}
		}
	}

	private static List<Base> evaluate(Resource root, Base node, String relative, String location, List<String> errors) {
		try {
			return fhirPath.evaluate(null, root, root, node, expression(relative));
		}
		catch (RuntimeException ex) {
			errors.add(location + ": cannot follow " + relative + ": " + ex.getMessage());
			return List.of();
		}
	}

	private static ExpressionNode expression(String text) {
		return PARSED.computeIfAbsent(text, fhirPath::parse);
	}

	/** Every reference names an entry's full URL; every answered Questionnaire is in the Bundle. */
	private static void references(Bundle bundle, List<String> errors) {
		Set<String> fullUrls = new HashSet<>();
		Set<String> questionnaires = new HashSet<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			if (!fullUrls.add(entry.getFullUrl())) {
				errors.add("fullUrl " + entry.getFullUrl() + " appears twice");
			}
			if (entry.getResource() instanceof org.hl7.fhir.r4.model.Questionnaire questionnaire) {
				questionnaires.add(questionnaire.getUrl());
			}
		}
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			for (Reference reference : FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
				if (!reference.hasReference() || !fullUrls.contains(reference.getReference())) {
					errors.add(resource.fhirType() + " " + entry.getFullUrl() + ": reference "
							+ reference.getReference() + " does not resolve inside the Bundle");
				}
			}
			if (resource instanceof QuestionnaireResponse response) {
				CanonicalType canonical = response.getQuestionnaireElement();
				if (!questionnaires.contains(canonical.getValue())) {
					errors.add("QuestionnaireResponse " + entry.getFullUrl() + ": Questionnaire " + canonical.getValue()
							+ " is not in the Bundle");
				}
			}
		}
	}

	/**
	 * The R4 base StructureDefinitions, read with HAPI's own XML parser (the worker context's file
	 * loader wants an XML pull parser that is not on the class path).
	 */
	private static void load() {
		if (worker != null) {
			return;
		}
		try {
			SimpleWorkerContext context = new SimpleWorkerContext();
			for (String file : List.of("profiles-types.xml", "profiles-resources.xml")) {
				try (InputStream in = R4Conformance.class.getResourceAsStream(PROFILES + file)) {
					Bundle definitions = FHIR.newXmlParser().parseResource(Bundle.class, in);
					for (Bundle.BundleEntryComponent entry : definitions.getEntry()) {
						if (entry.getResource() instanceof StructureDefinition definition) {
							context.cacheResource(definition);
						}
					}
				}
			}
			fhirPath = new FHIRPathEngine(context);
			worker = context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
