package dev.autobench.generator.task.api;

import dev.autobench.generator.GenerateCalls;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class TaskResourceTest {

    @Test
    void listsADaysTasksWithTheirFullSpecification() {
        GenerateCalls.generate("2030-05-05").then().statusCode(200);

        given().queryParam("date", "2030-05-05").when().get("/api/tasks").then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("date", everyItem(equalTo("2030-05-05")))
                .body("slot", equalTo(java.util.List.of(1, 2, 3)))
                .body("source", everyItem(equalTo("bank")))
                .body("status", everyItem(equalTo("generated")))
                .body("difficulty", everyItem(oneOf("easy", "medium", "hard")))
                .body("id", everyItem(notNullValue()))
                .body("spec.prompt", everyItem(containsString("```html")))
                .body("spec.prompt", everyItem(containsString("1280×800")))
                .body("spec.acceptanceCriteria", everyItem(hasSize(greaterThanOrEqualTo(3))))
                .body("spec.outputContract.fencedBlocks", everyItem(equalTo(1)))
                .body("spec.outputContract.networkAllowed", everyItem(is(false)))
                .body("spec.templateId", everyItem(not(emptyOrNullString())));
    }

    @Test
    void aDayWithoutTasksIsAnEmptyList() {
        given().queryParam("date", "1999-12-31").when().get("/api/tasks").then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aMalformedDateIsABadRequest() {
        given().queryParam("date", "31/12/1999").when().get("/api/tasks").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
