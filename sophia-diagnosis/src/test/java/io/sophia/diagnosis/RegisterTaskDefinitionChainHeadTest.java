package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ECS deploy action's "Failed to register task definition in ECS: &lt;reason&gt;" (deploy.definition-refused) is the
 * head of an error chain (LogScan's chain prefixes): when its reason is IAM refusing the deploy role ("User:
 * arn:aws:sts::...:assumed-role/... is not authorized to perform: iam:PassRole on resource: ...",
 * ministryofjustice/modernisation-platform#8443), the line is the deploy credential's, not the definition's; a reason no
 * other cause reads ("Family can not be blank.", aws-actions/amazon-ecs-deploy-task-definition#630) stays the
 * definition's.
 */
class RegisterTaskDefinitionChainHeadTest {

    /** Before, the head's config.invalid reading stayed beside the refusal's on the same line. */
    @Test
    void anIamRefusalAfterTheHeadIsTheDeployCredentialsAndADefinitionsOwnReasonStaysTheDefinitions() throws IOException {
        assertEquals(List.of("auth.deploy-token"), Fleet.causesOf("Error: Failed to register task definition in ECS: User: arn:aws:sts::204815662030:assumed-role/platform-oidc-cicd/GitHubActions is not authorized to perform: iam:PassRole on resource: arn:aws:iam::204815662030:role/task-case-api because no identity-based policy allows the iam:PassRole action"));
        assertEquals(List.of("config.invalid"), Fleet.causesOf("Error: Failed to register task definition in ECS: Family can not be blank."));
    }

    /** h156-12: before, the head's reading tied with the refusal's and config.invalid led at 0.83. */
    @Test
    void thePassRoleRefusalLeadsItsScenario() throws IOException {
        ShapeRound.leadWith(Map.of("h156-12-auth-deploy-token-oidc-role-passrole-register-task-def", "auth.deploy-token"));
    }
}
