/**
 * "Show the real command" for the downstream panels: what a learner would type against a real AWS account
 * to see or do the same thing. Where no AWS CLI call exists (KCL workers are the learner's own processes),
 * the command is the nearest real-world equivalent and the note says so.
 */
import { cliCommandFor, shellQuote } from '../cli-commands';

/** A command with the sentence that explains it. */
export interface RealCommand {
  readonly command: string;
  readonly note: string;
}

/** The KCL lease table is a DynamoDB table named after the application (AWS-FACTS §2.2). */
export function scanLeaseTable(applicationName: string): RealCommand {
  return {
    command: `aws dynamodb scan --table-name ${shellQuote(applicationName)}`,
    note: 'The KCL keeps one DynamoDB table per application, named after it, with one item per shard lease (leaseKey, leaseOwner, leaseCounter, checkpoint, parentShardIds).',
  };
}

/**
 * Adding a worker: no AWS CLI call starts one (a worker is the learner's own process); the command is the
 * console's own equivalent, and the note names the real-world step, an EC2 instance running the app.
 */
export function addKclWorker(applicationName: string): RealCommand {
  return {
    command: cliCommandFor({ action: 'addWorker', consumer: applicationName }),
    note: 'No AWS CLI call starts a KCL worker: the KCL runs inside your own program. In a real account you start one more process with the same application name, usually on one more EC2 instance (aws ec2 run-instances, or a larger Auto Scaling group); it finds the lease table and takes leases until the counts are even.',
  };
}

/** Crashing a worker: stop the process, or terminate the EC2 instance that runs it. */
export function crashKclWorker(applicationName: string, workerId: string): RealCommand {
  return {
    command: cliCommandFor({ action: 'crashWorker', consumer: applicationName, workerId }),
    note: 'No AWS CLI call stops a KCL worker either: you kill its process or terminate its EC2 instance (aws ec2 terminate-instances). Its leases stop being renewed and other workers take them once they expire (failoverTimeMillis, 10 s by default).',
  };
}

/** Listing a bucket at a prefix, one "folder" level at a time as the browser shows it. */
export function listObjects(bucket: string, prefix: string): RealCommand {
  return {
    command: `aws s3 ls ${shellQuote(`s3://${bucket}/${prefix}`)}`,
    note: 'Lists the objects and the next-level "folders" (common prefixes up to the next /). Firehose writes keys under a UTC YYYY/MM/DD/HH/ prefix.',
  };
}

/** Downloading an object and reading it, decompressing it as Firehose compressed it. */
export function readObject(bucket: string, key: string, compression: ObjectCompression): RealCommand {
  const source = shellQuote(`s3://${bucket}/${key}`);
  const file = shellQuote(key.split('/').at(-1) ?? key);
  switch (compression) {
    case 'gzip':
      return {
        command: `aws s3 cp ${source} - | gunzip | head`,
        note: 'Copies the object to standard output and decompresses it (Firehose GZIP objects have no .gz extension).',
      };
    case 'zip':
      return {
        command: `aws s3 cp ${source} ${file}.zip && unzip -p ${file}.zip | head`,
        note: 'Downloads the ZIP archive Firehose wrote and prints its one entry.',
      };
    case 'none':
      return {
        command: `aws s3 cp ${source} - | head`,
        note: 'Copies the object to standard output.',
      };
  }
}

/** How an object's bytes are compressed, as the browser detects it. */
export type ObjectCompression = 'gzip' | 'zip' | 'none';

/** Reading a delivery stream's configuration and buffering hints. */
export function describeDeliveryStream(name: string): RealCommand {
  return {
    command: `aws firehose describe-delivery-stream --delivery-stream-name ${shellQuote(name)}`,
    note: 'Shows the S3 destination, its BufferingHints (SizeInMBs, IntervalInSeconds) and CompressionFormat. The buffer itself is not visible through the API: CloudWatch shows the deliveries (DeliveryToS3.Records, DeliveryToS3.DataFreshness).',
  };
}
