# The application image: a JRE and the jar that `mvn -B -DskipTests package` builds.
# Build the jar first (mvn -B -DskipTests package), then: docker build -t collab-maturity .
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 assessment && mkdir -p /data && chown assessment /data
USER assessment
WORKDIR /app
COPY assessment-api/target/assessment-api.jar /app/assessment-api.jar
ENV ASSESSMENT_DATA_DIR=/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD wget -qO- http://127.0.0.1:8080/actuator/health/readiness >/dev/null 2>&1 || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/assessment-api.jar"]
