# One image recipe for the four services: docker build --build-arg MODULE=intake-service .
# Stage 1 builds with the Maven wrapper; stage 2 runs the jar as a non-root user on a JRE.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events events
COPY triage-engine triage-engine
COPY intake-service intake-service
COPY triage-service triage-service
COPY notification-service notification-service
COPY identity-provider identity-provider
COPY casework-service casework-service
COPY local-stack/pom.xml local-stack/pom.xml
COPY benchmark/pom.xml benchmark/pom.xml
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
ARG MANAGEMENT_PORT
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app openintake && mkdir -p /app/data && chown openintake /app/data
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}.jar app.jar
USER openintake
ENV SERVER_ADDRESS=0.0.0.0 MANAGEMENT_SERVER_ADDRESS=0.0.0.0 MANAGEMENT_PORT=${MANAGEMENT_PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
