package dev.studentapi.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The web page in a private bucket behind CloudFront (origin access control, HTTPS only, {@code index.html} as the
 * root), deployed together with a generated {@code config.json} that names the API's invoke URL and never the key.
 */
final class WebPage extends Construct {

    final Bucket bucket;
    final Distribution distribution;

    WebPage(Construct scope, String id, StackAssets assets, String apiBaseUrl) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Bucket").encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL).enforceSsl(true)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        distribution = Distribution.Builder.create(this, "Distribution").defaultRootObject("index.html")
                .comment("Student Records API web page")
                .defaultBehavior(BehaviorOptions.builder().origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY).build())
                .build();
        BucketDeployment.Builder.create(this, "Files").destinationBucket(bucket)
                .sources(List.of(Source.asset(assets.webPage().toString()),
                        Source.jsonData("config.json", Map.of("apiBaseUrl", apiBaseUrl))))
                .cacheControl(List.of(CacheControl.noCache())).prune(true).build();
    }

    /** {@code https://<distribution domain>}. */
    String url() {
        return "https://" + distribution.getDistributionDomainName();
    }
}
